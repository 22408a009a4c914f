/// Numbers distinct byte strings in the order first seen, so that a reader can
/// do the work a cell's text needs (cleaning, matching) once per distinct
/// text instead of once per row.
///
/// The bytes are kept in one buffer and found through an open-addressing
/// table, so a lookup hashes the bytes once and allocates nothing.
struct ByteInterner {
    private var storage: [UInt8] = []
    /// Entry `i` is `storage[starts[i] ..< starts[i + 1]]`.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// For each slot, 0 when empty, else the hash's upper 32 bits and the
    /// entry number plus one below them, so that most misses are decided
    /// without reading the entry; the count is a power of two.
    private var slots = [UInt64](repeating: 0, count: 64)

    /// The number of distinct byte strings seen.
    var count: Int { starts.count - 1 }

    /// The number of `bytes`, and whether they are new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int, isNew: Bool) {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let tag = hash & 0xFFFF_FFFF_0000_0000
        while true {
            let value = slots[slot]
            if value == 0 { break }
            if value & 0xFFFF_FFFF_0000_0000 == tag {
                let entry = Int(value & 0xFFFF_FFFF) - 1
                if equals(entry, bytes) { return (entry, false) }
            }
            slot = (slot + 1) & mask
        }
        precondition(count < Int32.max, "too many distinct cells")
        let id = count
        slots[slot] = tag | UInt64(id + 1)
        storage.append(contentsOf: bytes)
        starts.append(storage.count)
        hashes.append(hash)
        if count * 2 > slots.count { grow() }
        return (id, true)
    }

    private func equals(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[entry], end = starts[entry + 1]
        guard end - start == bytes.count else { return false }
        return storage.withUnsafeBufferPointer { stored in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
            return memcmpEqual(stored.baseAddress! + start, base, bytes.count)
        }
    }

    private mutating func grow() {
        var bigger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
        }
        slots = bigger
    }

    /// A 64-bit hash of bytes, eight at a time (not for untrusted adversaries:
    /// a collision only costs a comparison).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return mix(h) }
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = mix(h ^ word) &* 0xFF51_AFD7_ED55_8CCD
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        return mix(h ^ tail)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 29
        return x
    }
}

/// Whether `count` bytes at two addresses are equal.
@inline(__always)
func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var i = 0
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    while i + 8 <= count {
        if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
        i += 8
    }
    while i < count {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes, without copying a native string.
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return copy.withUTF8(body)
    }
}

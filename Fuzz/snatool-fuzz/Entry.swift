import Foundation

#if FUZZING
/// libFuzzer's entry point for a program that has its own `main` (SwiftPM
/// gives every executable one), from compiler-rt's FuzzerInterface.h.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The target of this run, read once from SNATOOL_FUZZ_TARGET.
nonisolated(unsafe) private var selected: FuzzTarget?

/// The target SNATOOL_FUZZ_TARGET names; stops with a usage message when it names none.
private func selectedTarget() -> FuzzTarget {
    if let selected { return selected }
    let name = ProcessInfo.processInfo.environment["SNATOOL_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else { FuzzMain.usage("set SNATOOL_FUZZ_TARGET to a target") }
    selected = target
    return target
}

/// libFuzzer's callback: one input through the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    selectedTarget().run(bytes.map { Data(bytes: $0, count: count) } ?? Data())
    return 0
}
#endif

/// Built by scripts/fuzz (with -sanitize=fuzzer and -DFUZZING): libFuzzer,
/// fuzzing the target SNATOOL_FUZZ_TARGET names. Built normally: replays
/// saved inputs through a target's invariants, `snatool-fuzz TARGET FILE...`,
/// as the regression test does.
@main
enum FuzzMain {
    static func main() {
        #if FUZZING
        _ = selectedTarget()
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { fuzzOneInput($0, $1) })
        #else
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTarget(rawValue: name) else { usage("snatool-fuzz TARGET FILE...") }
        for file in arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("snatool-fuzz: cannot read \(file)\n".utf8))
                exit(66)
            }
            target.run(data)
        }
        #endif
    }

    static func usage(_ text: String) -> Never {
        let targets = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("usage: \(text); targets: \(targets). scripts/fuzz builds and runs the fuzzer.\n".utf8))
        exit(64)
    }
}

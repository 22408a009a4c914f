import Foundation
import SNAIO

/// Makes a failure to write standard output an error, wherever the output
/// comes from (a command's results, `--help`, `--version`): a closed standard
/// output or a full disk is one line on standard error and exit status 73,
/// never a silent success.
enum StandardStreams {
    /// Holds each closed descriptor 0-2 with a placeholder that cannot be
    /// written (a folder opened for reading), so that no file opened later
    /// takes its number and writes to it fail with "it is closed"; and flushes
    /// buffered standard output at exit, failing the run if that fails.
    static func prepare() {
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 {
            let placeholder = open("/", O_RDONLY | O_DIRECTORY)
            if placeholder >= 0, placeholder != descriptor {
                dup2(placeholder, descriptor)
                close(placeholder)
            }
        }
        atexit {
            guard fflush(nil) != 0 else { return }
            let message = "snatool: error: cannot write to standard output: \(DescriptorWriter.reason(errno))\n"
            _ = message.withCString { Foundation.write(STDERR_FILENO, $0, strlen($0)) }
            _exit(73)
        }
    }
}

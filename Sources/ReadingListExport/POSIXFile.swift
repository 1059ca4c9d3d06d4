#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing to file descriptors, with failures described as the system describes them.
enum POSIXFile {
    /// Writes all of `bytes` to `descriptor`, however many calls it takes; `nil`, or what went
    /// wrong ("No space left on device").
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return lastError
            }
            offset += written
        }
        return nil
    }

    /// The description of `errno`.
    static var lastError: String { String(cString: strerror(errno)) }
}

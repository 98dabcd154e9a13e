import CLinux
import Foundation

extension Thread {
    /// Runs `body` on a new thread called `name`, in the kernel's list of the process's threads
    /// too (`/proc/PID/task/*/comm`, `top -H`, `perf report --sort comm`), which Foundation's
    /// `name` does not reach on Linux. The kernel keeps the first 15 bytes.
    @discardableResult
    static func start(named name: String, _ body: @escaping @Sendable () -> Void) -> Thread {
        let thread = Thread {
            shim_name_this_thread(name)
            body()
        }
        thread.name = name
        thread.start()
        return thread
    }
}

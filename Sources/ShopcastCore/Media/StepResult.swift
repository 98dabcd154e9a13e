/// Outcome of a send/receive or read step: EAGAIN and EOF are control flow, not failures.
enum StepResult {
    case ok
    case again
    case endOfStream
}

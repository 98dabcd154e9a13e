import Foundation
import ShopcastCore

/// Every exit status shopcast returns, in one place (sysexits style). The man pages list them.
public enum ExitCode: Int32, CaseIterable, Sendable {
    case success = 0
    /// `schedule now`: no offer is live at that moment.
    case nothingLive = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case software = 70
    case ioError = 74
    case tryAgain = 75
    /// The show ran, but a destination gave up after its retries or was never reached.
    case destinationLost = 76
    /// `cue`: the control API refused the token.
    case unauthorized = 77
    /// A configuration problem: a stream key that is missing or readable by others, an unset variable.
    case config = 78
    case interrupted = 130

    /// One line for the man page's EXIT STATUS section.
    public var meaning: String {
        switch self {
        case .success: return "Success; for go-live, the show ran to its end (or was stopped by a signal) and every destination was reached and none gave up."
        case .nothingLive: return "schedule now: no offer is on screen at that moment."
        case .usage: return "Wrong usage: anything wrong on the command line itself: an unknown command or option, a missing operand, a missing or malformed value (a duration, size, rate, time or URL)."
        case .dataError: return "Bad data in a file that was read: a manifest with errors (schedule check --json says \"ok\":false), a journal that is not one, a show already over; cue: the show refused the command (the reason is printed)."
        case .noInput: return "An input (media file, device, feed, manifest) cannot be opened."
        case .unavailable: return "No destination was ever reached; cue: no show answers at the control address."
        case .software: return "Internal error (a bug: please report it)."
        case .ioError: return "An I/O error on a local file, such as a full disk while recording."
        case .tryAgain: return "Busy: another schedule run already holds this manifest's lock; cue: the show is not running yet, try again."
        case .destinationLost: return "The show ran, but a destination gave up after its retries or was never reached."
        case .unauthorized: return "cue: the control API refused the token (missing or wrong)."
        case .config: return "Configuration: a stream key that is missing or whose key file others can read, an unset ${NAME}, --control on an open address without a token, or an address that cannot be bound."
        case .interrupted: return "Stopped by a signal: go-live and schedule run after a second SIGINT or SIGTERM, before a clean finish; overlay after the first, its OUTPUT finished but ending where it stopped."
        }
    }
}

/// Maps any error thrown below the CLI to its exit status: the only place that decides it.
func exitCode(for error: Error) -> ExitCode {
    switch error {
    case is UsageError: return .usage
    case let e as ShopcastError:
        switch e.kind {
        case .usage: return .usage
        case .badData: return .dataError
        case .noInput: return .noInput
        case .unavailable: return .unavailable
        case .io: return .ioError
        case .busy: return .tryAgain
        case .destinationLost: return .destinationLost
        case .unauthorized: return .unauthorized
        case .config: return .config
        case .interrupted: return .interrupted
        case .internal: return .software
        }
    default: return .software
    }
}

/// The exit status of a show that ran.
func exitCode(for outcome: LiveOutcome) -> ExitCode {
    switch outcome {
    case .completed: return .success
    case .noDestinationReached: return .unavailable
    case .destinationLost: return .destinationLost
    case .recordingFailed: return .ioError
    }
}

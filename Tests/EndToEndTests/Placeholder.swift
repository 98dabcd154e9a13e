import XCTest
final class PlaceholderE2E: XCTestCase {}

import Testing
@testable import HandoffSite

import Testing
@testable import HandoffCore

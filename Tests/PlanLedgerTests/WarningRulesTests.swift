import PlanGraph
import Testing

@Suite struct WarningRulesTests {
  @Test func placeholder() {}
}

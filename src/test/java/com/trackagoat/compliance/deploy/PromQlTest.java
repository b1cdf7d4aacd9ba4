package com.trackagoat.compliance.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void metricsAreTheNamesBeforeBracesAndBracketsOrStandingBare() {
        PromQl.Parsed parsed = PromQl.parse("""
                sum by (phase) (increase(a_total{phase="close", result=~"failed|stopped"}[1h])) / b_seconds
                  + on(instance) group_left c[5m:1m] offset 1h > bool 0.5""");

        assertThat(parsed.selectors()).extracting(PromQl.Selector::metric).containsExactly("a_total", "b_seconds", "c");
        assertThat(parsed.selectors().get(0).matchers()).containsExactly(
                new PromQl.Matcher("phase", "=", "close"), new PromQl.Matcher("result", "=~", "failed|stopped"));
        assertThat(parsed.groupingLabels()).containsExactlyInAnyOrder("phase", "instance");
    }

    @Test
    void functionsAggregationsKeywordsNumbersStringsAndGrafanaVariablesAreNotMetrics() {
        PromQl.Parsed parsed = PromQl.parse("""
                histogram_quantile(0.95, sum without (pod) (rate(x_bucket{le!="+Inf", phase=~"$phase"}[$__rate_interval])))
                  or vector(0) and topk(3, y) unless label_replace(z, "dst", "$1 sum", "src", "(.*)") > Inf
                  # a comment naming not_a_metric
                  or clamp_min(1e3, 2) - time()""");

        assertThat(parsed.selectors()).extracting(PromQl.Selector::metric).containsExactly("x_bucket", "y", "z");
        assertThat(parsed.groupingLabels()).containsExactly("pod");
    }

    @Test
    void aSelectorByNameInItsBracesCounts() {
        assertThat(PromQl.parse("count({__name__=\"goal_compliance_failing_instances\", job=\"gc\"})").selectors())
                .extracting(PromQl.Selector::metric).containsExactly("goal_compliance_failing_instances");
    }

    @Test
    void malformedExpressionsSayWhatIsWrong() {
        assertThatThrownBy(() -> PromQl.parse("sum(rate(x[5m])")).hasMessage("'(' never closed");
        assertThatThrownBy(() -> PromQl.parse("rate(x[5m)]")).hasMessage("unbalanced ')' at 9");
        assertThatThrownBy(() -> PromQl.parse("x{a=\"b}")).hasMessage("string opened at 4 never closed");
        assertThatThrownBy(() -> PromQl.parse("x > ")).hasMessage("ends with the operator '>'");
        assertThatThrownBy(() -> PromQl.parse(" ")).hasMessage("empty expression");
        assertThatThrownBy(() -> PromQl.parse("x{a}")).hasMessageStartingWith("not a label matcher at 3");
    }

    @Test
    void bracketsInStringsDoNotCount() {
        assertThat(PromQl.parse("x{a=~\"(b|c\", d=\"}\"}").selectors()).singleElement()
                .isEqualTo(new PromQl.Selector("x", List.of(new PromQl.Matcher("a", "=~", "(b|c"),
                        new PromQl.Matcher("d", "=", "}"))));
    }
}

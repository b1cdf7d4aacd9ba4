package com.trackagoat.compliance.evaluation;

/**
 * What an evaluation measures: the metric, the target and the window. A close snapshot records its terms
 * so that the final settles on them even if the goal is edited afterwards.
 */
public record Terms(Metric metric, long target, Window window) {
}

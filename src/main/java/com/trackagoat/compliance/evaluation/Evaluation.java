package com.trackagoat.compliance.evaluation;

/** The result of evaluating one goal's terms at one instant. */
public record Evaluation(Terms terms, long actual, int percentage, Status status, Advisory advisory) {
}

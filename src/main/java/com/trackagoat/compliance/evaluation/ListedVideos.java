package com.trackagoat.compliance.evaluation;

import java.util.List;

/**
 * A creator's videos, possibly more than the evaluated window holds and in any order: the evaluator picks
 * the ones that count (posted in the window, discovered by as_of) itself.
 */
public record ListedVideos(List<Video> videos) implements CountedVideos {
}

package com.trackagoat.compliance.evaluation;

import java.util.List;

/**
 * The creator data an evaluation reads. It may hold more than the evaluated window needs (the evaluator
 * filters by posting time, discovery time and scrape time itself), in any order.
 */
public record CreatorActivity(List<Video> videos, List<Scrape> scrapes) {

    public static final CreatorActivity NONE = new CreatorActivity(List.of(), List.of());
}

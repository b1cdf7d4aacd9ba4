package com.trackagoat.compliance.evaluation;

import java.util.List;

/**
 * The creator data an evaluation reads: the videos (listed, or tallied for the evaluated window) and the
 * scrapes. Listed videos and the scrapes may hold more than the window needs (the evaluator filters by
 * posting time, discovery time and scrape time itself), in any order.
 */
public record CreatorActivity(CountedVideos videos, List<Scrape> scrapes) {

    public static final CreatorActivity NONE = new CreatorActivity(List.of(), List.of());

    /** A creator's own videos. */
    public CreatorActivity(List<Video> videos, List<Scrape> scrapes) {
        this(new ListedVideos(videos), scrapes);
    }
}

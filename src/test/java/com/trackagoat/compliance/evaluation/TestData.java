package com.trackagoat.compliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Test-data builders for goals, videos and scrapes, with defaults that make a valid weekly posts goal. */
final class TestData {

    static final String CHICAGO = "America/Chicago";
    static final String UTC = "UTC";

    private TestData() {
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static GoalBuilder goal() {
        return new GoalBuilder();
    }

    static VideoBuilder video(String postedAt) {
        return new VideoBuilder(at(postedAt));
    }

    static Scrape scrape(String scrapedAt, Long followers) {
        return new Scrape(at(scrapedAt), true, followers);
    }

    static Scrape failedScrape(String scrapedAt) {
        return new Scrape(at(scrapedAt), false, null);
    }

    static ActivityBuilder activity() {
        return new ActivityBuilder();
    }

    static Window window(String start, String end) {
        return new Window(at(start), at(end));
    }

    static Evaluation evaluated(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Evaluated.class);
        return ((Outcome.Evaluated) outcome).evaluation();
    }

    static Rejection rejected(Outcome outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected) outcome).rejection();
    }

    static final class GoalBuilder {
        private String metric = "posts";
        private String period = "weekly";
        private Long target = 10L;
        private LocalDate startDate;
        private LocalDate endDate;
        private boolean active = true;
        private Instant createdAt = at("2026-01-01T00:00:00Z");

        GoalBuilder metric(String metric) {
            this.metric = metric;
            return this;
        }

        GoalBuilder period(String period) {
            this.period = period;
            return this;
        }

        GoalBuilder daily() {
            return period("daily");
        }

        GoalBuilder weekly() {
            return period("weekly");
        }

        GoalBuilder monthly() {
            return period("monthly");
        }

        GoalBuilder target(Long target) {
            this.target = target;
            return this;
        }

        GoalBuilder startDate(String date) {
            this.startDate = LocalDate.parse(date);
            return this;
        }

        GoalBuilder endDate(String date) {
            this.endDate = LocalDate.parse(date);
            return this;
        }

        GoalBuilder inactive() {
            this.active = false;
            return this;
        }

        GoalBuilder createdAt(String instant) {
            this.createdAt = at(instant);
            return this;
        }

        Goal build() {
            return new Goal(UUID.fromString("00000000-0000-0000-0000-00000000000a"),
                    UUID.fromString("00000000-0000-0000-0000-00000000000c"),
                    UUID.fromString("00000000-0000-0000-0000-00000000000b"), metric, period, target, startDate,
                    endDate, active, createdAt);
        }
    }

    static final class VideoBuilder {
        private final Instant postedAt;
        private Instant discoveredAt;
        private Long views;
        private Long likes;
        private Long comments;
        private Long shares;

        private VideoBuilder(Instant postedAt) {
            this.postedAt = postedAt;
            this.discoveredAt = postedAt;
        }

        VideoBuilder discoveredAt(String instant) {
            this.discoveredAt = at(instant);
            return this;
        }

        VideoBuilder views(Long views) {
            this.views = views;
            return this;
        }

        VideoBuilder likes(Long likes) {
            this.likes = likes;
            return this;
        }

        VideoBuilder comments(Long comments) {
            this.comments = comments;
            return this;
        }

        VideoBuilder shares(Long shares) {
            this.shares = shares;
            return this;
        }

        Video build() {
            return new Video(postedAt, discoveredAt, views, likes, comments, shares);
        }
    }

    static final class ActivityBuilder {
        private final List<Video> videos = new ArrayList<>();
        private final List<Scrape> scrapes = new ArrayList<>();

        ActivityBuilder with(VideoBuilder... videos) {
            for (VideoBuilder video : videos) {
                this.videos.add(video.build());
            }
            return this;
        }

        ActivityBuilder posts(int count, String postedAt) {
            for (int i = 0; i < count; i++) {
                videos.add(video(postedAt).build());
            }
            return this;
        }

        ActivityBuilder with(Scrape... scrapes) {
            this.scrapes.addAll(List.of(scrapes));
            return this;
        }

        CreatorActivity build() {
            return new CreatorActivity(List.copyOf(videos), List.copyOf(scrapes));
        }
    }
}

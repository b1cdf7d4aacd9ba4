package com.trackagoat.compliance.snapshot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.trackagoat.compliance.evaluation.Advisory;
import com.trackagoat.compliance.json.ComplianceJson;

/**
 * The advisory column's JSON documents, each distinct one written once. Most goals of a snapshot share a few
 * advisories (the same window, a fresh scrape), so a chunk sends its distinct documents once and each row
 * refers to one by number: PostgreSQL parses each into {@code jsonb} once instead of once per row, and the
 * JSON is built once per distinct advisory rather than per goal. One instance per writer (per step thread).
 */
final class AdvisoryDocuments {

    /** The documents kept across chunks: past this many distinct advisories the oldest are written again. */
    private static final int KEPT = 4096;

    private final Map<Advisory, String> written = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Advisory, String> eldest) {
            return size() > KEPT;
        }
    };

    /** A chunk's advisories: the distinct documents, and for each row the 1-based number of its document. */
    record Numbered(String[] documents, int[] numbers) {
    }

    /** The documents of the advisories, in order, deduplicated. */
    Numbered number(List<Advisory> advisories) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        int[] rows = new int[advisories.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = numbers.computeIfAbsent(document(advisories.get(i)), d -> numbers.size() + 1);
        }
        return new Numbered(numbers.keySet().toArray(String[]::new), rows);
    }

    private String document(Advisory advisory) {
        return written.computeIfAbsent(advisory, a -> ComplianceJson.write(ComplianceJson.advisory(a)));
    }
}

package com.trackagoat.compliance.snapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.trackagoat.compliance.evaluation.Advisory;
import com.trackagoat.compliance.json.ComplianceJson;

/**
 * A chunk's advisory column documents, each distinct one once. Most goals of a snapshot share a few
 * advisories (the same window, a fresh scrape), so the writer sends the distinct documents and each row
 * refers to one by number: PostgreSQL then parses each into {@code jsonb} once per chunk instead of once per
 * row.
 */
final class AdvisoryDocuments {

    private AdvisoryDocuments() {
    }

    /** A chunk's advisories: the distinct documents, and for each row the 1-based number of its document. */
    record Numbered(String[] documents, int[] numbers) {
    }

    /** The documents of the advisories, in order of first appearance, deduplicated. */
    static Numbered number(List<Advisory> advisories) {
        Map<Advisory, Integer> numbers = new HashMap<>();
        List<String> documents = new ArrayList<>();
        int[] rows = new int[advisories.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = numbers.computeIfAbsent(advisories.get(i), a -> {
                documents.add(ComplianceJson.write(ComplianceJson.advisory(a)));
                return documents.size();
            });
        }
        return new Numbered(documents.toArray(String[]::new), rows);
    }
}

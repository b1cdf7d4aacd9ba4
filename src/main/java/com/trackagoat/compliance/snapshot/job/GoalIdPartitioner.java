package com.trackagoat.compliance.snapshot.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the goal ids into {@code gridSize} contiguous ranges of equal width ({@link GoalIdRange#split}).
 * Deterministic: the same grid size always gives the same ranges, and a restart reuses each partition's saved
 * range and checkpoint, so no goal is ever in two partitions or in none.
 */
class GoalIdPartitioner implements Partitioner {

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<GoalIdRange> ranges = GoalIdRange.split(Math.max(1, gridSize));
        Map<String, ExecutionContext> partitions = new LinkedHashMap<>();
        for (int i = 0; i < ranges.size(); i++) {
            partitions.put("partition" + i, ranges.get(i).toContext());
        }
        return partitions;
    }
}

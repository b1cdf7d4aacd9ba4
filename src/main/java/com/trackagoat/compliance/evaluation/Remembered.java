package com.trackagoat.compliance.evaluation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A pure function's results, remembered: for functions that a job asks the same few questions for every goal
 * (a zone's midnights, an advisory's message texts). Bounded: all is forgotten once {@code bound} results are
 * kept, which a job does not reach and a long-running process may. Safe across threads; a result may be
 * computed twice by racing threads, which is harmless for a pure function.
 */
final class Remembered<K, V> {

    private final Map<K, V> results = new ConcurrentHashMap<>();
    private final int bound;
    private final Function<K, V> function;

    Remembered(int bound, Function<K, V> function) {
        this.bound = bound;
        this.function = function;
    }

    V get(K key) {
        V result = results.get(key);
        if (result == null) {
            if (results.size() >= bound) {
                results.clear();
            }
            result = function.apply(key);
            results.put(key, result);
        }
        return result;
    }
}

package com.trackagoat.compliance.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Just enough of PromQL to check alert rules and dashboard queries without promtool: that an expression is
 * well formed (brackets balanced outside strings, strings closed, no dangling operator) and which metrics it
 * selects, with their label matchers, and which labels it groups by. Function and aggregation names, keywords,
 * numbers, durations, strings, range brackets and Grafana's {@code $variables} are not metric names.
 */
final class PromQl {

    /** One label matcher of a selector: {@code phase="close"}, {@code result=~"failed|stopped"}. */
    record Matcher(String label, String op, String value) {
    }

    /** A metric selected by an expression, with the matchers in its braces. */
    record Selector(String metric, List<Matcher> matchers) {
    }

    /** What an expression selects, and the labels of its {@code by}, {@code without}, {@code on}, … lists. */
    record Parsed(List<Selector> selectors, Set<String> groupingLabels) {
    }

    private static final Set<String> LABEL_LISTS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "atan2", "inf", "nan");
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile", "limitk", "limit_ratio");
    private static final String OPERATOR_ENDINGS = "+-*/%^=<>!,";

    private final String expr;
    private int at;

    private PromQl(String expr) {
        this.expr = expr;
    }

    /** Parses an expression; throws {@link IllegalArgumentException} saying what is wrong where. */
    static Parsed parse(String expr) {
        checkStructure(expr);
        return new PromQl(expr).selectors();
    }

    /** Balanced (), [] and {} outside strings, closed strings, something to evaluate, no operator at the end. */
    static void checkStructure(String expr) {
        if (expr == null || expr.isBlank()) {
            throw new IllegalArgumentException("empty expression");
        }
        Deque<Character> open = new ArrayDeque<>();
        char last = ' ';
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '"' || c == '\'' || c == '`') {
                i = endOfString(expr, i);
                last = c;
                continue;
            }
            if (c == '#') { // a comment, to the end of its line
                int eol = expr.indexOf('\n', i);
                i = eol < 0 ? expr.length() : eol;
                continue;
            }
            if ("([{".indexOf(c) >= 0) {
                open.push(c);
            } else if (")]}".indexOf(c) >= 0) {
                char expected = "([{".charAt(")]}".indexOf(c));
                if (open.isEmpty() || open.pop() != expected) {
                    throw new IllegalArgumentException("unbalanced '" + c + "' at " + i);
                }
            }
            if (!Character.isWhitespace(c)) {
                last = c;
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalArgumentException("'" + open.peek() + "' never closed");
        }
        if (OPERATOR_ENDINGS.indexOf(last) >= 0) {
            throw new IllegalArgumentException("ends with the operator '" + last + "'");
        }
    }

    private Parsed selectors() {
        List<Selector> selectors = new ArrayList<>();
        Set<String> grouping = new LinkedHashSet<>();
        while (at < expr.length()) {
            char c = expr.charAt(at);
            if (c == '"' || c == '\'' || c == '`') {
                at = endOfString(expr, at) + 1;
            } else if (c == '#') {
                int eol = expr.indexOf('\n', at);
                at = eol < 0 ? expr.length() : eol;
            } else if (Character.isDigit(c) || c == '.' && at + 1 < expr.length() && Character.isDigit(expr.charAt(at + 1))) {
                skipWhile("0123456789.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"); // 0.95, 1e3, 5m, 1h30m
            } else if (c == '$') { // a Grafana variable: $__rate_interval, ${phase}
                at++;
                if (at < expr.length() && expr.charAt(at) == '{') {
                    at = expr.indexOf('}', at) + 1;
                } else {
                    identifier();
                }
            } else if (c == '[') { // a range or a subquery's: durations and variables only
                at = expr.indexOf(']', at) + 1;
            } else if (c == '{') { // a selector without a name before it: {__name__="…"}
                List<Matcher> matchers = matchers();
                matchers.stream().filter(m -> m.label().equals("__name__") && m.op().equals("=")).findFirst()
                        .ifPresent(name -> selectors.add(new Selector(name.value(), matchers)));
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                String word = identifier();
                String lower = word.toLowerCase(Locale.ROOT);
                char next = nextNonSpace();
                if (LABEL_LISTS.contains(lower)) {
                    if (next == '(') {
                        grouping.addAll(labelList());
                    }
                } else if (KEYWORDS.contains(lower) || AGGREGATIONS.contains(lower) || next == '(') {
                    continue; // a keyword, an aggregation (its "by" may come before its parenthesis) or a function
                } else {
                    selectors.add(new Selector(word, next == '{' ? matchers() : List.of()));
                }
            } else {
                at++;
            }
        }
        return new Parsed(List.copyOf(selectors), Set.copyOf(grouping));
    }

    private String identifier() {
        int start = at;
        while (at < expr.length() && (Character.isLetterOrDigit(expr.charAt(at)) || "_:".indexOf(expr.charAt(at)) >= 0)) {
            at++;
        }
        return expr.substring(start, at);
    }

    /** Moves to the next character that is not white space and returns it (0 at the end). */
    private char nextNonSpace() {
        while (at < expr.length() && Character.isWhitespace(expr.charAt(at))) {
            at++;
        }
        return at < expr.length() ? expr.charAt(at) : 0;
    }

    /** At a '{': the matchers up to its '}', which is passed. */
    private List<Matcher> matchers() {
        List<Matcher> matchers = new ArrayList<>();
        at++;
        while (nextNonSpace() != '}') {
            if (expr.charAt(at) == ',') {
                at++;
                continue;
            }
            String label = identifier();
            nextNonSpace();
            int opStart = at;
            skipWhile("=!~");
            String op = expr.substring(opStart, at);
            nextNonSpace();
            if (label.isEmpty() || !List.of("=", "!=", "=~", "!~").contains(op) || "\"'`".indexOf(expr.charAt(at)) < 0) {
                throw new IllegalArgumentException("not a label matcher at " + opStart + ": " + expr.substring(opStart));
            }
            int end = endOfString(expr, at);
            matchers.add(new Matcher(label, op, unquote(expr.substring(at, end + 1))));
            at = end + 1;
        }
        at++;
        return matchers;
    }

    /** At a '(' after by, without, on, …: the label names up to its ')', which is passed. */
    private List<String> labelList() {
        int close = expr.indexOf(')', at);
        List<String> labels = new ArrayList<>();
        for (String label : expr.substring(at + 1, close).split(",")) {
            if (!label.isBlank()) {
                labels.add(label.strip());
            }
        }
        at = close + 1;
        return labels;
    }

    private void skipWhile(String characters) {
        while (at < expr.length() && characters.indexOf(expr.charAt(at)) >= 0) {
            at++;
        }
    }

    /** The index of the quote that closes the string opened at {@code start}. */
    private static int endOfString(String expr, int start) {
        char quote = expr.charAt(start);
        for (int i = start + 1; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (c == '\\' && quote != '`') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        throw new IllegalArgumentException("string opened at " + start + " never closed");
    }

    private static String unquote(String literal) {
        String inner = literal.substring(1, literal.length() - 1);
        return literal.charAt(0) == '`' ? inner : inner.replaceAll("\\\\(.)", "$1");
    }
}

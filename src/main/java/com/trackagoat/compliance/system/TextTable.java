package com.trackagoat.compliance.system;

import java.io.PrintStream;
import java.util.List;

/** A table for people on a terminal: columns padded to their widest cell, two spaces apart, no trailing blanks. */
public final class TextTable {

    private TextTable() {
    }

    /** Prints {@code rows} (the first is usually the header), each row as wide as the first. */
    public static void print(List<List<String>> rows, PrintStream out) {
        int[] widths = new int[rows.get(0).size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == row.size() - 1 ? row.get(i) : String.format("%-" + widths[i] + "s  ", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}

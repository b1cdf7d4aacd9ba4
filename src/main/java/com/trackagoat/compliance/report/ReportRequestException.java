package com.trackagoat.compliance.report;

/** A report request the data cannot answer, such as a project that does not exist. */
public class ReportRequestException extends RuntimeException {

    public ReportRequestException(String message) {
        super(message);
    }
}

package com.trackagoat.compliance.demo;

/** The demo cannot load into this database (it has other data). */
public class DemoRequestException extends RuntimeException {

    public DemoRequestException(String message) {
        super(message);
    }
}

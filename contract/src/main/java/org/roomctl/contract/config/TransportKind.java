package org.roomctl.contract.config;

/** How the bytes reach a device. */
public enum TransportKind {
    /** A local serial port ({@code serial:/dev/ttyUSB0}). */
    SERIAL("serial:"),
    /** A raw TCP serial bridge, iTach or ser2net kind ({@code bridge://host:4999}). */
    BRIDGE("bridge://"),
    /** A network protocol spoken directly over TCP ({@code tcp://host:4352}). */
    TCP("tcp://");

    private final String uriPrefix;

    TransportKind(String uriPrefix) {
        this.uriPrefix = uriPrefix;
    }

    public String uriPrefix() {
        return uriPrefix;
    }
}

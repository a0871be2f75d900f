package org.roomctl.agent.simit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Watches the log while a test runs. Drivers report trouble as status and simulators as debug
 * lines; an ERROR line (a task that threw, a listener that failed, a simulator bug) is a bug, so
 * the rig fails a test that logged one. A test can also turn a logger up to DEBUG to count what
 * happened inside (a simulator closing idle connections, say).
 */
final class LogWatch extends AppenderBase<ILoggingEvent> {
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Map<Logger, Level> raised = new HashMap<>();

    LogWatch() {
        setName("simit-watch");
        setContext(root.getLoggerContext());
        start();
        root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
    }

    /** Logs DEBUG lines of {@code loggerName} (a class name) until {@link #close()}. */
    synchronized void debug(String loggerName) {
        Logger logger = (Logger) LoggerFactory.getLogger(loggerName);
        raised.putIfAbsent(logger, logger.getLevel());
        logger.setLevel(Level.DEBUG);
    }

    /** How many lines of {@code loggerName} so far contain {@code text}. */
    long count(String loggerName, String text) {
        return events.stream()
                .filter(e -> e.getLoggerName().equals(loggerName))
                .filter(e -> e.getFormattedMessage().contains(text))
                .count();
    }

    /** The ERROR lines so far, each with its logger, thread and exception. */
    List<String> errors() {
        return events.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                .map(LogWatch::describe)
                .toList();
    }

    private static String describe(ILoggingEvent e) {
        IThrowableProxy t = e.getThrowableProxy();
        return "[" + e.getThreadName() + "] " + e.getLoggerName() + ": " + e.getFormattedMessage()
                + (t == null ? "" : " (" + t.getClassName() + ": " + t.getMessage() + ")");
    }

    /** Stops watching and puts the levels back. */
    synchronized void close() {
        root.detachAppender(this);
        stop();
        raised.forEach(Logger::setLevel);
        raised.clear();
    }
}

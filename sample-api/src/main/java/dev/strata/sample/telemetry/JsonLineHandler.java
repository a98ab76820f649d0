package dev.strata.sample.telemetry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes each formatted record as one line to a stream. A lock (not {@code synchronized}) keeps
 * lines whole without pinning virtual threads to their carriers on Java 21.
 */
public final class JsonLineHandler extends Handler {

    private final OutputStream out;
    private final ReentrantLock lock = new ReentrantLock();

    public JsonLineHandler(OutputStream out) {
        this.out = out;
        setFormatter(new JsonLogFormatter());
    }

    @Override
    public void publish(LogRecord record) {
        if (!isLoggable(record)) {
            return;
        }
        byte[] line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            out.write(line);
            out.flush();
        } catch (IOException e) {
            reportError("cannot write log line", e, ErrorManager.WRITE_FAILURE);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void flush() {
        lock.lock();
        try {
            out.flush();
        } catch (IOException e) {
            reportError("cannot flush log", e, ErrorManager.FLUSH_FAILURE);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        flush();
    }
}

package io.aio4j.http.internal.client;

import io.aio4j.http.ClientException;
import io.aio4j.http.ClientPayloadException;
import io.aio4j.http.internal.BodyStreamBase;
import java.io.IOException;

/**
 * Loop thread only. A response body as a stream: the exchange's pieces, decompressed. It tells
 * its response when the end is reached, which releases the connection.
 */
final class BodyReader extends BodyStreamBase {
    private final Exchange exchange;
    private final BodyDecoder decoder;
    private final Runnable atEnd;

    BodyReader(Exchange exchange, BodyDecoder decoder, Runnable atEnd) {
        this.exchange = exchange;
        this.decoder = decoder;
        this.atEnd = atEnd;
    }

    /**
     * Reads the whole body. Suspends the calling task.
     *
     * @return the body
     * @throws ClientException if it failed
     */
    byte[] readWhole() throws ClientException {
        try {
            return readAll(Long.MAX_VALUE);
        } catch (ClientException e) {
            throw e;
        } catch (IOException e) { // every failure of this stream is a ClientException; this keeps the type honest
            throw new ClientPayloadException("Response payload could not be read: " + e.getMessage(), e);
        }
    }

    @Override
    protected byte[] nextPiece() throws ClientException {
        byte[] raw;
        try {
            raw = exchange.next();
        } catch (ClientException e) {
            if (decoder != null) {
                decoder.end();
            }
            throw e;
        }
        if (raw == null) {
            if (decoder != null) {
                decoder.finish();
            }
            atEnd.run();
            return null;
        }
        return decoder == null ? raw : decoder.decode(raw);
    }

    @Override
    protected IOException endedShort(byte[] partial, int expected) {
        return new ClientPayloadException("Response payload ended after " + partial.length + " of the " + expected
                + " bytes expected", null);
    }

    @Override
    protected IOException lineTooLong() {
        return new ClientPayloadException("Response line is longer than " + MAX_LINE + " bytes", null);
    }
}

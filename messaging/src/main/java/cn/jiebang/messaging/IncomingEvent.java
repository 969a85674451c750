package cn.jiebang.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static java.nio.charset.StandardCharsets.UTF_8;

/** A received CloudEvent in binary mode: the attributes from the headers, the payload as JSON text. */
public record IncomingEvent(String id, String type, String source, Instant time, String key, String payload) {

    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        Headers headers = record.headers();
        String time = header(headers, CloudEventHeaders.TIME);
        if (record.value() == null) {
            throw new MalformedEvent("record has no payload");
        }
        try {
            return new IncomingEvent(header(headers, CloudEventHeaders.ID), header(headers, CloudEventHeaders.TYPE),
                    header(headers, CloudEventHeaders.SOURCE), Instant.parse(time), record.key(), record.value());
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("ce_time is not an ISO-8601 instant: " + time, e);
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new MalformedEvent("missing CloudEvents header " + name);
        }
        return new String(header.value(), UTF_8);
    }
}

package cn.jiebang.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.jackson.core.tree.JsonNodeTreeCodec;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.JsonStreamConfig;
import io.micronaut.json.body.JsonMessageHandler;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a JSON request body only when it is exactly one JSON document of exactly the shape of the type it
 * is bound to ({@link JsonShape}); anything else is an {@link InvalidRequest}, a 400 naming each field, not
 * a value the client did not send. Micronaut's JSON reader is lenient by default (it ignores content after
 * the document, unwraps ["X"] into "X", reads "maybe" as false, 59.99 as 59 and 12345 as "12345") and
 * micronaut-serde 2.16 has no setting to stop it, so this reader goes first (its order is before the JSON
 * handler's) and hands the checked bytes to the same {@link JsonMapper}. A body without Content-Type is a
 * 415, not taken for JSON. Only request bodies a service receives are held to this; what it reads as an
 * HTTP client stays tolerant.
 */
@Singleton
@Order(JsonMessageHandler.ORDER - 1)
@JsonMessageHandler.ConsumesJson
final class StrictJsonReader<T> implements MessageBodyReader<T> {

    private static final JsonNodeTreeCodec TREES = JsonNodeTreeCodec.getInstance()
            .withConfig(JsonStreamConfig.DEFAULT.withUseBigDecimalForFloats(true).withUseBigIntegerForInts(true));
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final JsonFactory PARSERS = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final JsonMapper mapper;
    private final JsonShape shape;

    StrictJsonReader(JsonMapper mapper) {
        this.mapper = mapper;
        this.shape = new JsonShape(mapper);
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        Class<?> target = type.getType();
        return mediaType != null && mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON)
                && target != Object.class && target != String.class && target != byte[].class
                && !ByteBuffer.class.isAssignableFrom(target) && !JsonNode.class.isAssignableFrom(target);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, ByteBuffer<?> byteBuffer) {
        T value = read(type, mediaType, byteBuffer.toByteArray());
        // like Micronaut's JSON reader: released here once read; after a failure the caller releases it
        if (byteBuffer instanceof ReferenceCounted counted) {
            counted.release();
        }
        return value;
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream) {
        try {
            return read(type, mediaType, inputStream.readAllBytes());
        } catch (IOException e) {
            throw new CodecException("the request body could not be read", e);
        }
    }

    private T read(Argument<T> type, MediaType mediaType, byte[] bytes) {
        boolean requestBody = ServerRequestContext.currentRequest().isPresent();
        if (requestBody) {
            if (mediaType == null) {
                // Micronaut reads a body without Content-Type with the route's reader, as if it were JSON
                throw new HttpStatusException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "the body has no Content-Type; send it as " + MediaType.APPLICATION_JSON);
            }
            List<Problem.FieldError> errors = shape.check(document(bytes), type);
            if (!errors.isEmpty()) {
                throw refused(InvalidRequest.ofFields(errors));
            }
        }
        try {
            return mapper.readValue(bytes, type);
        } catch (IOException e) {
            throw requestBody ? refused(new InvalidRequest("the body does not match what this request takes", List.of()))
                    : new CodecException("Error decoding JSON for type [" + type.getName() + "]: " + e.getMessage(), e);
        }
    }

    /** The one JSON document in {@code bytes}: nothing but whitespace may follow it, and no object names a field twice. */
    private static JsonNode document(byte[] bytes) {
        try (JsonParser parser = PARSERS.createParser(bytes)) {
            if (parser.nextToken() == null) {
                throw refused(new InvalidRequest("the body is empty; it must be a JSON document", List.of()));
            }
            JsonNode document = TREES.readTree(parser);
            if (nextToken(parser)) {
                throw refused(new InvalidRequest("unexpected content after the JSON document", List.of()));
            }
            return document;
        } catch (IOException e) {
            Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getMessage()));
            throw refused(new InvalidRequest(duplicate.lookingAt() ? "the body names the field " + duplicate.group(1)
                    + " twice" + where(e) : "the body is not valid JSON" + where(e), List.of()));
        }
    }

    private static boolean nextToken(JsonParser parser) {
        try {
            return parser.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    /** Line and column of a syntax error, without Jackson's message (it names Java types and sources). */
    private static String where(IOException e) {
        return e instanceof com.fasterxml.jackson.core.JsonProcessingException p && p.getLocation() != null
                ? " (line " + p.getLocation().getLineNr() + ", column " + p.getLocation().getColumnNr() + ")" : "";
    }

    /** The binder turns a codec failure into a conversion error of the body, with this as its cause. */
    private static CodecException refused(InvalidRequest invalid) {
        return new CodecException(invalid.getMessage(), invalid);
    }
}

package cn.jiebang.portal.web.progress;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A multipart form read whole on the blocking thread: its text fields and its files (with any number of
 * files under one name, which Micronaut's part binding does not offer).
 */
final class FormParts {

    /** A form part: a file when {@code fileName} is not null. */
    record Part(String name, @Nullable String fileName, String contentType, byte[] bytes) {

        boolean isFile() {
            return fileName != null;
        }
    }

    private FormParts() {
    }

    static List<Part> collect(MultipartBody body) {
        CompletableFuture<List<Part>> done = new CompletableFuture<>();
        List<Part> parts = new ArrayList<>();
        body.subscribe(new Subscriber<>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    byte[] bytes = part.getBytes();
                    if (part instanceof CompletedFileUpload file) {
                        String type = file.getContentType().map(Object::toString).orElse("application/octet-stream");
                        parts.add(new Part(part.getName(), file.getFilename() == null ? "" : file.getFilename(), type,
                                bytes));
                    } else {
                        parts.add(new Part(part.getName(), null, "text/plain", bytes));
                    }
                } catch (IOException e) {
                    done.completeExceptionally(new UncheckedIOException(e));
                    subscription.cancel();
                    return;
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(parts);
            }
        });
        try {
            return done.get(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the form did not arrive in time", e);
        }
    }

    /** The text of the first field of that name, empty when there is none. */
    static String text(List<Part> parts, String name) {
        return parts.stream().filter(p -> !p.isFile() && p.name().equals(name)).findFirst()
                .map(p -> new String(p.bytes(), StandardCharsets.UTF_8)).orElse("");
    }

    /** The files chosen under that name; a file input left empty sends a nameless, empty part, which is no file. */
    static List<Part> files(List<Part> parts, String name) {
        return parts.stream().filter(p -> p.isFile() && p.name().equals(name))
                .filter(p -> !p.fileName().isBlank() || p.bytes().length > 0).toList();
    }
}

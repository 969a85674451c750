package cn.jiebang.portal.web.bids;

import cn.jiebang.portal.session.SignInRequired;
import cn.jiebang.portal.session.Visitor;
import cn.jiebang.portal.upstream.Service;
import cn.jiebang.portal.upstream.ServiceUnavailable;
import cn.jiebang.portal.upstream.Upstream;
import cn.jiebang.portal.upstream.UpstreamProblem;
import cn.jiebang.portal.web.bids.BidApi.Attachment;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.views.ModelAndView;
import org.reactivestreams.Publisher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A bid's files: uploaded through the portal to bid-service (which checks type and size and answers the
 * SHA-256), and downloaded through the portal with the person's own token, streamed as they come.
 */
@Controller
class AttachmentsController {

    /** The headers of bid-service's download a browser needs; nothing else of its answer is passed on. */
    private static final Set<String> PASSED = Set.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH,
            "Content-Disposition");

    private final Upstream upstream;
    private final BidPages pages;
    private final ProxyHttpClient proxy;
    private final URI bidService;

    AttachmentsController(Upstream upstream, BidPages pages, ProxyHttpClient proxy,
                          @Value("${jiebang.services.bid-service}") URI bidService) {
        this.upstream = upstream;
        this.pages = pages;
        this.proxy = proxy;
        this.bidService = bidService;
    }

    /** htmx posts the file here; the answer is the file's line for the bid form, or why it was refused. */
    @Post(value = "/challenges/{id}/bid/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    @ExecuteOn(TaskExecutors.BLOCKING)
    HttpResponse<?> upload(@PathVariable String id, @Nullable CompletedFileUpload file, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        if (file == null || file.getFilename() == null || file.getFilename().isBlank()) {
            return refused(HttpStatus.UNPROCESSABLE_ENTITY, "bids.upload.choose");
        }
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MediaType type = file.getContentType().orElse(MediaType.APPLICATION_OCTET_STREAM_TYPE);
        MultipartBody body = MultipartBody.builder().addPart("file", file.getFilename(), type, bytes).build();
        Attachment attachment;
        try {
            attachment = upstream.exchange(Service.BID, HttpRequest.POST("/api/challenges/" + BidPages.enc(id)
                    + "/attachments", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE), visitor,
                    Argument.of(Attachment.class)).body();
        } catch (UpstreamProblem problem) {
            String key = "problem." + problem.code();
            return refused(HttpStatus.valueOf(problem.status()), switch (problem.code()) {
                case "attachment-too-large", "attachment-type-not-accepted", "bid-window-closed",
                     "challenge-not-found" -> key;
                default -> "error.status." + problem.status();
            });
        }
        Map<String, Object> model = BidFormController.fragment();
        model.put("attachments", List.of(new BidForm.AttachmentRow(attachment.id(), attachment.fileName(),
                attachment.sizeBytes(), attachment.sha256())));
        model.put("uploaded", attachment.fileName());
        return HttpResponse.created(new ModelAndView<>("bids/attachments", model));
    }

    /** Larger than the portal itself accepts (its max-request-size): refused like bid-service's 413. */
    @Error(exception = ContentLengthExceededException.class)
    MutableHttpResponse<?> tooLarge(HttpRequest<?> request) {
        return refused(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "problem.attachment-too-large");
    }

    /** A refusal replaces the upload's status line, not the list of files. */
    static MutableHttpResponse<?> refused(HttpStatus status, String message) {
        Map<String, Object> model = BidFormController.fragment();
        model.put("message", message);
        return HttpResponse.status(status).header("HX-Retarget", "#upload-status").header("HX-Reswap", "outerHTML")
                .body(new ModelAndView<>("bids/upload-refused", model));
    }

    /** The file's bytes from bid-service, which decides who may read it; passed on without buffering. */
    @Get("/my/attachments/{id}")
    Publisher<MutableHttpResponse<?>> download(@PathVariable String id, HttpRequest<?> request) {
        Visitor visitor = pages.team(request);
        URI target = bidService.resolve("/api/attachments/" + BidPages.enc(id));
        return Publishers.map(proxy.proxy(HttpRequest.GET(target).bearerAuth(visitor.token())), response -> {
            int status = response.code();
            if (status == HttpStatus.UNAUTHORIZED.getCode()) {
                throw new SignInRequired(true);
            }
            if (status >= 500) {
                throw new ServiceUnavailable(Service.BID, null);
            }
            if (status >= 400) {
                throw new UpstreamProblem(status, new UpstreamProblem.Body(null, null, status, null, null));
            }
            List<String> names = List.copyOf(response.getHeaders().names());
            for (String name : names) {
                if (PASSED.stream().noneMatch(p -> p.equalsIgnoreCase(name))) {
                    response.getHeaders().remove(name);
                }
            }
            if (response.getHeaders().get("Content-Disposition") == null) {
                response.getHeaders().add("Content-Disposition", "attachment");
            }
            return response;
        });
    }
}

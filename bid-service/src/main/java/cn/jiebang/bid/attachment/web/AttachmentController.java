package cn.jiebang.bid.attachment.web;

import cn.jiebang.bid.attachment.application.AttachmentDownloads;
import cn.jiebang.bid.attachment.application.AttachmentUploads;
import cn.jiebang.bid.bidding.domain.Attachment;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static cn.jiebang.bid.bidding.web.Principals.caller;
import static cn.jiebang.bid.bidding.web.Principals.reader;

/**
 * Files for bids and deliverables: a team uploads them for a challenge, then lists them by id. They are read
 * as the bid is: by its team, the judges assigned a bid that shows them, and the overseers after the close.
 */
@Tag(name = "bids")
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class AttachmentController {

    private final AttachmentUploads uploads;
    private final AttachmentDownloads downloads;

    AttachmentController(AttachmentUploads uploads, AttachmentDownloads downloads) {
        this.uploads = uploads;
        this.downloads = downloads;
    }

    @Serdeable
    record AttachmentView(String id, String challengeId, String fileName, String contentType, long sizeBytes,
                          String sha256, Instant uploadedAt) {

        static AttachmentView of(Attachment a) {
            return new AttachmentView(a.id(), a.challengeId(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(),
                    a.uploadedAt());
        }
    }

    @Operation(summary = "Upload a PDF, PNG or JPEG for a bid on the challenge while bidding is open (TEAM); list "
            + "its id in the bid's attachmentIds",
            description = "Who may call: TEAM.\n\n`multipart/form-data` with one part `file`, while the window is "
            + "open, or while the caller's organization races in an open `MILESTONE` round of the challenge. "
            + "**201** and the attachment `{id, challengeId, fileName, contentType, sizeBytes, sha256, "
            + "uploadedAt}`, with `Location: /api/attachments/{id}`; no event. **404** `challenge-not-found`. "
            + "**409** `bid-window-closed`. **413** `attachment-too-large`. **422** `attachment-type-not-accepted` "
            + "(not PDF, PNG or JPEG).")
    @Secured("TEAM")
    @Post(value = "/challenges/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<AttachmentView> upload(@PathVariable String id, CompletedFileUpload file, Authentication caller) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = file.getFilename() == null || file.getFilename().isBlank() ? "attachment" : file.getFilename();
        Attachment saved = uploads.upload(caller(caller), id, name.length() > 255 ? name.substring(0, 255) : name,
                file.getSize(), bytes);
        return HttpResponse.created(AttachmentView.of(saved), URI.create("/api/attachments/" + saved.id()));
    }

    @Operation(summary = "Download an attachment: its team; a judge assigned the bid showing it; the program office and "
            + "the owner agency after the close",
            description = "Who may call: signed in: its team; a JUDGE with an active assignment on a bid that "
            + "lists it (current version or deliverable); ADMIN and AGENCY of the owner organization after the "
            + "close.\n\nThe bytes, with its `Content-Type` and `Content-Disposition: attachment`. **404** "
            + "`bid-not-found`. **409** `bids-sealed`.")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/attachments/{id}")
    HttpResponse<byte[]> download(@PathVariable String id, Authentication caller) {
        AttachmentDownloads.Download download = downloads.download(reader(caller), id);
        Attachment attachment = download.attachment();
        return HttpResponse.ok(download.bytes()).contentType(attachment.contentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(attachment.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
    }
}

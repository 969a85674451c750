package cn.jiebang.notification.delivery.web;

import cn.jiebang.notification.delivery.application.WebhookRegistrations;
import cn.jiebang.notification.delivery.domain.Delivery;
import cn.jiebang.notification.delivery.domain.Webhook;
import cn.jiebang.web.Callers;
import cn.jiebang.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * An organization's webhooks (AGENCY and TEAM users manage their own organization's): every notification to
 * one of its users is POSTed to each active one, signed; its deliveries show their status and attempts.
 */
@Tag(name = "notifications")
@Controller("/api/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"AGENCY", "TEAM"})
class WebhookController {

    private final WebhookRegistrations registrations;

    WebhookController(WebhookRegistrations registrations) {
        this.registrations = registrations;
    }

    @Serdeable
    record Registration(@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
                        String url,
                        @Nullable @Size(min = 16, max = 200) String secret) {
    }

    @Serdeable
    record WebhookView(String id, String url, boolean active, Instant createdAt,
                       @Nullable String secret) {

        static WebhookView of(Webhook w, boolean showSecret) {
            return new WebhookView(w.getId(), w.getUrl(), w.isActive(), w.getCreatedAt(), showSecret ? w.getSecret() : null);
        }
    }

    @Serdeable
    record DeliveryView(String id, String webhookId, String sourceEventId, Delivery.Status status, int attempts,
                        @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt,
                        @Nullable Instant nextAttemptAt) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.getId(), Delivery.webhookOf(d.getTarget()), d.getSourceEventId(), d.getStatus(),
                    d.getAttempts(), d.getLastError(), d.getCreatedAt(), d.getSentAt(),
                    d.getStatus() == Delivery.Status.PENDING ? d.getNextAttemptAt() : null);
        }
    }

    @Serdeable
    record DeliveryPage(List<DeliveryView> items, int page, int size, long totalItems) {
    }

    @Operation(summary = "Register a webhook for the caller's organization; without a secret one is generated. The "
            + "secret is shown in this answer only",
            description = "Who may call: AGENCY, TEAM.\n\n`{url, secret}`: `url` http(s), ≤ 1000 characters; "
            + "`secret` optional, 16–200 characters, else 64 random hex digits. Registers a webhook for the "
            + "caller's organization: **201** `{id, url, active, createdAt, secret}`, `Location: "
            + "/api/webhooks/{id}`. The secret is shown in this answer only. **422** `webhook-url-not-allowed` "
            + "when the URL is not http(s) with a host, the host does not resolve, or any of its addresses is not "
            + "public.")
    @Post
    HttpResponse<WebhookView> register(@Body @Valid Registration registration, Authentication caller) {
        Webhook webhook = registrations.register(Callers.organizationOf(caller), registration.url(), registration.secret());
        return HttpResponse.created(WebhookView.of(webhook, true), URI.create("/api/webhooks/" + webhook.getId()));
    }

    @Operation(summary = "The caller's organization's webhooks",
            description = "Who may call: AGENCY, TEAM.\n\nThe caller's organization's webhooks, `secret` `null`.")
    @Get
    List<WebhookView> list(Authentication caller) {
        return registrations.of(Callers.organizationOf(caller)).stream()
                .map(w -> WebhookView.of(w, false)).toList();
    }

    @Operation(summary = "Stop a webhook: nothing more is sent to it; its pending deliveries end FAILED",
            description = "Who may call: AGENCY, TEAM of its organization.\n\n**200** and the webhook with "
            + "`active` false: nothing more is sent to it (pending deliveries end `FAILED`). **404** "
            + "`webhook-not-found` for another organization's, body for body as for an unknown id.")
    @Delete("/{id}")
    WebhookView deactivate(@PathVariable String id, Authentication caller) {
        return WebhookView.of(registrations.deactivate(Callers.organizationOf(caller), id), false);
    }

    @Operation(summary = "The webhook deliveries of the caller's organization, newest first: sent, pending (with "
            + "the next attempt) or failed (with the last error)",
            description = "Who may call: AGENCY, TEAM.\n\nThe webhook deliveries of the caller's organization, "
            + "newest first: `{items, page, size, totalItems}`, each `{id, webhookId, sourceEventId, status, "
            + "attempts, lastError, createdAt, sentAt, nextAttemptAt}`; `status` `PENDING` (with `nextAttemptAt`), "
            + "`SENDING` (being sent, or possibly sent before a crash and waiting to be taken back), `SENT` or "
            + "`FAILED` (with `lastError`); `size` 1–100.")
    @Get("/deliveries")
    DeliveryPage deliveries(@QueryValue(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
                            @QueryValue(defaultValue = "20") @Min(1) @Max(100) int size, Authentication caller) {
        Page<Delivery> result = registrations.deliveries(Callers.organizationOf(caller), page, size);
        return new DeliveryPage(result.getContent().stream().map(DeliveryView::of).toList(), page, size,
                result.getTotalSize());
    }
}

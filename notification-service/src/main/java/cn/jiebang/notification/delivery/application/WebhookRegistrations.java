package cn.jiebang.notification.delivery.application;

import cn.jiebang.notification.delivery.domain.Deliveries;
import cn.jiebang.notification.delivery.domain.Delivery;
import cn.jiebang.notification.delivery.domain.Webhook;
import cn.jiebang.notification.delivery.domain.Webhooks;
import cn.jiebang.problem.DomainProblem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** An organization's webhooks: registered after the target is checked, listed, stopped, and their deliveries. */
@Singleton
public class WebhookRegistrations {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Webhooks webhooks;
    private final Deliveries deliveries;
    private final WebhookTargets targets;
    private final Clock clock;

    WebhookRegistrations(Webhooks webhooks, Deliveries deliveries, WebhookTargets targets, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.targets = targets;
        this.clock = clock;
    }

    /** Registers a webhook; without a secret, one is generated. */
    @Transactional
    public Webhook register(String organizationId, String url, @Nullable String secret) {
        targets.check(url);
        return webhooks.save(Webhook.register(organizationId, url, secret != null ? secret : newSecret(),
                clock.instant()));
    }

    public List<Webhook> of(String organizationId) {
        return webhooks.findByOrganizationId(organizationId);
    }

    /** Nothing more is sent to it; its pending deliveries end FAILED when their turn comes. */
    @Transactional
    public Webhook deactivate(String organizationId, String id) {
        Webhook webhook = webhooks.findById(id).filter(w -> w.getOrganizationId().equals(organizationId))
                .orElseThrow(() -> new WebhookNotFound(id));
        webhook.deactivate();
        return webhooks.update(webhook);
    }

    public Page<Delivery> deliveries(String organizationId, int page, int size) {
        return deliveries.findByOrganizationIdAndChannel(organizationId, Delivery.Channel.WEBHOOK,
                Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"))));
    }

    private static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    static class WebhookNotFound extends DomainProblem {
        WebhookNotFound(String id) {
            super(Kind.NOT_FOUND, "webhook-not-found", "your organization has no webhook " + id);
        }
    }
}

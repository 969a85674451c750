package cn.jiebang.notification.delivery.application;

import cn.jiebang.notification.delivery.domain.Delivery;
import cn.jiebang.notification.recipient.domain.Recipient;
import cn.jiebang.notification.recipient.domain.Recipients;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * E-mail over SMTP through Micronaut Email and Jakarta Mail, to the address the recipient projection holds
 * when it is sent (a user whose account has not arrived yet is retried until it has). Every attempt of a
 * delivery carries the same {@code Message-ID}, made from the delivery id ({@link KeepMessageIdComposer}).
 */
@Singleton
class EmailChannel implements DeliveryChannel {


    private final EmailSender<Message, ?> sender;
    private final Recipients recipients;

    EmailChannel(EmailSender<Message, ?> sender, Recipients recipients) {
        this.sender = sender;
        this.recipients = recipients;
    }

    /** The Message-ID of every attempt of the delivery. */
    static String messageId(String deliveryId) {
        return "<" + deliveryId + "@jiebang.notification>";
    }

    @Override
    public Delivery.Channel channel() {
        return Delivery.Channel.EMAIL;
    }

    @Override
    public void send(Delivery delivery) {
        String userId = Delivery.userOf(delivery.getTarget());
        String address = recipients.findById(userId).map(Recipient::email).filter(e -> !e.isBlank())
                .orElseThrow(() -> new IllegalStateException("no e-mail address known for user " + userId + " yet"));
        sender.send(Email.builder().to(address).subject(delivery.getSubject()).body(delivery.getBody()), message -> {
            try {
                message.setHeader("X-Jiebang-Delivery", delivery.getId());
                message.setHeader("Message-ID", messageId(delivery.getId()));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

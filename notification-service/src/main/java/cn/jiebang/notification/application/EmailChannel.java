package cn.jiebang.notification.application;

import cn.jiebang.notification.domain.Delivery;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/** E-mail over SMTP through Micronaut Email and Jakarta Mail; the recipient's address is the delivery's payload. */
@Singleton
class EmailChannel implements DeliveryChannel {

    private final EmailSender<Message, ?> sender;

    EmailChannel(EmailSender<Message, ?> sender) {
        this.sender = sender;
    }

    @Override
    public Delivery.Channel channel() {
        return Delivery.Channel.EMAIL;
    }

    @Override
    public void send(Delivery delivery) {
        sender.send(Email.builder().to(delivery.payload()).subject(delivery.subject()).body(delivery.body()), message -> {
            try {
                message.setHeader("X-Jiebang-Delivery", delivery.id());
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

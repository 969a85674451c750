package cn.jiebang.devstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;

/**
 * A real SMTP server (GreenMail) that keeps every message it receives, with IMAP to read them; any user
 * name and password are accepted. For notification tests and the local launcher.
 */
public final class EmbeddedMail implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    public EmbeddedMail() {
        this(freePort(), freePort());
    }

    public EmbeddedMail(int smtpPort, int imapPort) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    public EmbeddedMail start() {
        greenMail.start();
        return this;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Every message received so far, oldest first. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** The messages received for one address. */
    public List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(m -> {
            try {
                return m.getAllRecipients() != null && java.util.Arrays.stream(m.getAllRecipients())
                        .anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The plain text of a message, whether it came as one part or as several. */
    public static String textOf(jakarta.mail.Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(textOf(multipart.getBodyPart(i)));
                }
                return text.toString();
            }
            return "";
        } catch (IOException | jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The properties that point a service's Jakarta Mail at this server. */
    public java.util.Map<String, String> serviceProperties() {
        return java.util.Map.of("javamail.properties.mail.smtp.host", "127.0.0.1",
                "javamail.properties.mail.smtp.port", Integer.toString(smtpPort));
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

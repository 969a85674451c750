package cn.jiebang.notification.delivery.application;

import io.micronaut.context.annotation.DefaultImplementation;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks up a host's addresses, once per check: the webhook POST then goes to an address it returned. */
@DefaultImplementation(HostResolver.Default.class)
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The platform's resolver (DNS, /etc/hosts); a literal address is parsed, not looked up. */
    @Singleton
    class Default implements HostResolver {

        @Override
        public List<InetAddress> resolve(String host) throws UnknownHostException {
            return List.of(InetAddress.getAllByName(host));
        }
    }
}

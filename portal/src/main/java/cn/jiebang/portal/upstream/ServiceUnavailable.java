package cn.jiebang.portal.upstream;

/** A service did not answer, or answered 5xx: the person is told to try again; nothing is shown of why. */
public class ServiceUnavailable extends RuntimeException {

    public ServiceUnavailable(Service service, Throwable cause) {
        super(service.id() + " unavailable", cause);
    }
}

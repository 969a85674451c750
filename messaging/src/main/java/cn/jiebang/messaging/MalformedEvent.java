package cn.jiebang.messaging;

/** A message that can never be processed as it is: retrying will not help, the dead-letter topic will. */
public class MalformedEvent extends RuntimeException {

    public MalformedEvent(String message) {
        super(message);
    }

    public MalformedEvent(String message, Throwable cause) {
        super(message, cause);
    }
}

package cn.jiebang.messaging;

class RelayFailed extends RuntimeException {

    RelayFailed(String message, Throwable cause) {
        super(message, cause);
    }
}

package cn.jiebang.notification.application;

import cn.jiebang.notification.domain.Delivery;

/** Sends one delivery over its channel, or throws; the dispatcher records the outcome. */
public interface DeliveryChannel {

    Delivery.Channel channel();

    void send(Delivery delivery);
}

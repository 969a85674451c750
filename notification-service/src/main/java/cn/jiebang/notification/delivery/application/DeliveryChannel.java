package cn.jiebang.notification.delivery.application;

import cn.jiebang.notification.delivery.domain.Delivery;

/** Sends one delivery over its channel, or throws; the dispatcher records the outcome. */
public interface DeliveryChannel {

    Delivery.Channel channel();

    void send(Delivery delivery);
}

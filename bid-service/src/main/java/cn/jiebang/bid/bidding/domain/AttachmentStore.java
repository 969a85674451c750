package cn.jiebang.bid.bidding.domain;

import java.util.Optional;

/**
 * Where attachment bytes live. The default keeps them in the database, in the same transaction as their
 * metadata; a deployment can put them in object storage by providing another bean.
 */
public interface AttachmentStore {

    void put(String attachmentId, byte[] bytes);

    Optional<byte[]> get(String attachmentId);
}

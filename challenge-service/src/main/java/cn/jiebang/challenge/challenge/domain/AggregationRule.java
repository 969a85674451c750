package cn.jiebang.challenge.challenge.domain;

/** How the judges' totals of one bid become its aggregate; bid-service ranks by it when a round closes. */
public enum AggregationRule {
    MEAN,
    /** 去掉最高分最低分: drop one highest and one lowest when at least 5 judges scored. */
    TRIMMED_MEAN,
    MEDIAN,
    /** Normalise each judge's totals over the bids they scored, average, rescale. */
    ZSCORE
}

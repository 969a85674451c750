package cn.jiebang.challenge.challenge.domain;

/** 揭榜挂帅, usually judged in one round (OPEN_COMPETITION), or 赛马制: teams racing through two or more rounds. */
public enum ChallengeMode {
    OPEN_COMPETITION,
    HORSE_RACE
}

package cn.jiebang.challenge.domain;

/** 揭榜挂帅 in one round (OPEN_COMPETITION) or 赛马制, several teams racing through two or more rounds. */
public enum ChallengeMode {
    OPEN_COMPETITION,
    HORSE_RACE
}

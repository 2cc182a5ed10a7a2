/** Skill payloads as Kakao documents them (kakaobusiness.gitbook.io/main/tool/chatbot/skill_guide/answer_json_format#skillpayload). */
export const KAKAO_BLOCK_ID = '5f3c1a9b8e7d6c5b4a392817';

export const kakaoUtterance = (userId: string, utterance: string, clientExtra: Record<string, string> | null = null) => ({
  intent: { id: KAKAO_BLOCK_ID, name: '폴백 블록', extra: { reason: { code: 1, message: 'OK' } } },
  userRequest: {
    timezone: 'Asia/Seoul',
    params: { ignoreMe: 'true' },
    block: { id: KAKAO_BLOCK_ID, name: '폴백 블록' },
    utterance,
    lang: 'ko',
    user: { id: userId, type: 'botUserKey', properties: { botUserKey: userId, plusfriendUserKey: 'bK0pLJ0zmH1X', isFriend: true } },
  },
  bot: { id: '5f3c19f6b0e5a14a3d8e7f21', name: 'Petal & Pine' },
  action: { name: 'parley', clientExtra, params: {}, id: '5f3c1b2c8e7d6c5b4a392818', detailParams: {} },
});

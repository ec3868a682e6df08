/**
 * The lexicon a new workspace starts with: words and short phrases with a weight from −3 to +3,
 * negators (which flip the words after them) and intensifiers (which strengthen them; below 1 they
 * soften), for English, Vietnamese and Thai customer comments. Written for service businesses
 * (cafés, shops, restaurants, hotels, clinics, repairs, delivery) from general review vocabulary:
 * praise and complaint words, everyday slang and teen-code, and the seed articles' vocabulary. Each
 * workspace keeps its own editable copy. A term appears once per language (the workspace table's key).
 *
 * Weights below 1 are expectations rather than opinions ("arrived", "trả lời", "ได้รับ", "ok"): alone
 * they stay neutral, negated they are complaints ("never arrived", "chưa trả lời", "ยังไม่ได้รับ").
 */
export interface LexiconEntry {
  term: string
  kind: 'word' | 'negator' | 'intensifier'
  weight: number
}

const words = (weight: number, terms: string) =>
  terms
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
    .map((term): LexiconEntry => ({ term, kind: 'word', weight }))
const negators = (terms: string) => terms.split(',').map((t): LexiconEntry => ({ term: t.trim(), kind: 'negator', weight: -0.8 }))
const intensifiers = (weight: number, terms: string) => terms.split(',').map((t): LexiconEntry => ({ term: t.trim(), kind: 'intensifier', weight }))

/** Emoji and emoticons, the same in every language. */
const emoji: LexiconEntry[] = [
  ...words(3, '😍, 🥰, 🤩, 💯, 😻'),
  ...words(2, '❤, 💕, 💖, 💗, 💓, 😋, 👍, 👏, 🙌, 😊, ☺, 😄, 😃, 😁, 🤤, 🥳, 👌, 🫶, 😘, <3'),
  ...words(1.5, '🔥, :d'),
  ...words(1, '😀, 🙂, 😆, ⭐, 🌟, :), ^^'),
  ...words(-1, '😭, 😣, 😕, 😑, 😓, 😪, 🙃'),
  ...words(-1.5, '😢, 🙁, ☹, 😔, :(, :\'('),
  ...words(-2, '😠, 👎, 😞, 😒, 🙄, 😤, 😩, 😫, 😖, 🤢, 💔'),
  ...words(-3, '😡, 🤬, 💩, 🤮'),
]

export const defaultLexicon: Record<'en' | 'vi' | 'th', LexiconEntry[]> = {
  en: [
    ...words(3, 'excellent, amazing, fantastic, outstanding, perfect, perfectly, wonderful, love, loved, loving, best, superb, awesome, brilliant, exceptional, phenomenal, incredible, fabulous, terrific, delighted, thrilled, heavenly, above and beyond, spot on, ten out of ten, 10 10, five stars, 5 stars, spotless, hidden gem, must try, top notch, chef s kiss'),
    ...words(2, 'great, delicious, friendly, lovely, helpful, fast, quick, quickly, clean, tasty, fresh, recommend, recommended, happy, pleased, enjoy, enjoyed, enjoyable, nice, beautiful, polite, professional, kind, comfortable, easy, smooth, satisfied, glad, well done, impressed, impressive, seamless, welcoming, generous, cosy, cozy, cosier, favourite, favorite, pleasure, attentive, knowledgeable, loyal, yummy, gorgeous, stunning, delightful, pleasant, cheerful, courteous, flavorful, flavourful, reliable, relaxing, appreciate, appreciated, grateful, charming, cute, thoughtful, caring, accommodating, responsive, hassle free, fun, worth it, worth every penny, no complaints, highlight, trustworthy, honest, worth every, come back, coming back, be back, come again, nailed it, nailed, lifesaver, thank you for, thanks for, first class, world class, hit the spot, on point, legit, went out of their way, out of their way'),
    ...words(1, 'good, fair, right, solved, sorted, fixed, resolved, efficient, warm, fragrant, soft, strong, patient, quiet, relaxed, convenient, reasonable, reasonably, decent, solid, value for money, improved, better, worth, prompt, promptly, on time, affordable, bargain, tidy, crispy, juicy, authentic, spacious, peaceful, accurate, rich, cheaper, still hot, no big deal'),
    ...words(0.3, 'thank, thanks, thank you, ok, okay, fine, early'),
    ...words(0.1, ' apologised, apologized, apologise, apologize, arrived, received, delivered, works, work, worked, working, answer, answered, reply, replied, respond, responded, pick up, picked up, show up, showed up, call back, called back, refunded, help, helped, listen, listened, explained, available, enough, clear, return, included'),
    ...words(0, 'tiny thing, small thing, minor thing, minor, not a big deal'),
    ...words(-0.5, 'average, so so, ordinary, nothing special'),
    ...words(-1, 'slow, late, expensive, pricey, small, smaller, tiny, noisy, crowded, confusing, waited, wait, waiting, queue, queued, cold, steep, spilled, melted, wrong, missing, mistake, issue, issues, problem, problems, delay, delayed, loud, dry, bitter, overflowing, fault, meh, mediocre, cramped, hot, tasted off, no one, gave up, went up, salty, oily, raw, sour, forgot, forgotten, cancelled, canceled, messy, chaotic, unclear, complicated, difficult, hassle, inconvenient, unfortunately, unfortunate, sadly, shame, pity, lacking, stuffy, chewy, tough, bug, glitch, lag, could be better, could have been better, needs improvement, room for improvement, hard to, expected more, smelled, smells, rush, rushed, flies, leak, leaks, blocked, scratch, scratched, cracked, worried, repetitive, ugh'),
    ...words(-2, 'bad, poor, rude, dirty, broken, crash, crashed, crashing, crashes, failed, fail, error, overcharged, annoying, annoyed, disappointed, disappointing, disappointment, unhelpful, unfriendly, complaint, complain, slowly, nobody, ignored, lost, bland, stale, unacceptable, frustrating, frustrated, lukewarm, sticky, watery, watered down, freezes, froze, overpriced, underwhelming, burnt, burned, smelly, greasy, soggy, careless, transferred, transferring, negative, arrogant, dismissive, condescending, unprofessional, clueless, inattentive, grumpy, impolite, undercooked, overcooked, tasteless, flavorless, gross, nasty, stinks, stinky, cockroach, cockroaches, waste, wasted, hidden fees, unreliable, letdown, let down, regret, avoid, beware, ridiculous, lousy, sloppy, mess, worse, downhill, uncomfortable, painful, angry, upset, refused, misleading, buggy, laggy, rubbish, sucks, sucked, expired, spoiled, sick, yelled, shouted, used to be better, one star, 1 star, not anymore, overrated, sketchy, shady, dodgy, yuck, sickly, crushed, broke, ruined, tourist trap, leaking'),
    ...words(-3, 'terrible, awful, horrible, worst, disgusting, hate, hated, never again, scam, scammed, cheated, dishonest, useless, rip off, ripped off, filthy, food poisoning, disgusted, inedible, horrendous, appalling, atrocious, dreadful, disaster, nightmare, pathetic, incompetent, rotten, moldy, mouldy, zero stars, waste of money, waste of time, thanks for nothing, undrinkable'),
    ...negators('not, no, never, hardly, without, used to be, nothing, none, neither, nor, cannot'),
    ...intensifiers(1.5, 'very, really, so, extremely, super, too, absolutely, totally, far, incredibly, highly, truly, terribly, awfully, insanely, ridiculously, seriously, damn, bloody, freaking, most, such'),
    ...intensifiers(1.3, 'again, always, definitely, especially'),
    ...intensifiers(0.8, 'pretty, quite, fairly'),
    ...intensifiers(0.6, 'a bit, slightly, somewhat, a little, kind of, sort of, a tad'),
    // Word families of the third round of issue 15, each for a kind of comment the first rounds missed.
    // Praise of skill and care; expectations exceeded; what was promised, kept; coming back.
    ...words(3, 'blew me away, blown away, mind blowing, exceeded expectations, exceeded my expectations, beyond expectations, what more could you want, what more do you want, slaps, banger, goated, bussin, hits different'),
    ...words(2, 'gentle, gently, painless, pain free, pain gone, no more pain, skilled, skilful, skillful, talented, competent, thorough, meticulous, careful, carefully, dependable, reputable, well organised, well organized, checked on me, checked on us, checked in on us, followed up, extra mile, better than expected, pleasantly surprised, pleasant surprise, surprisingly good, ahead of schedule, as promised, as agreed, as quoted, as described, as advertised, as pictured, exactly how, well packed, well wrapped, well packaged, on the house, free of charge, complimentary, threw in, would order again, order again, stay again, visit again, buy again, will return, would return, repeat customer'),
    ...words(1.5, 'charged less, less than quoted, less than the quote, cheaper than quoted, under budget'),
    ...words(1, 'cheap, immediately, right away, straight away, in no time, no wait, no queue, calm, safe, reassuring, reassured'),
    // "Quick" and "fast" naming a kind of visit or food, not praising the service.
    ...words(0, 'fast food, quick question, quick bite, quick lunch, quick breakfast, quick coffee, quick stop, quick visit, quick look, quick takeaway, quick drink, quick snack, quick trip, quick break, mixed bag'),
    // Expectations: being told, updated, answered; a device doing its job (negated, complaints).
    ...words(0.3, 'as expected'),
    ...words(0.1, 'sorry, said sorry, update, updates, updated, news, response, responses, explanation, apology, apologies, follow up, callback, refund, told, tell, telling, notice, notified, informed, warning, asking, care, cared, turn on, turns on, hold charge, hold a charge, start, starts, load, loads, connect, connects, done, finished, ready, match, matched, matches, hot water, soap, towels, towel, toilet paper, wifi, go back, going back'),
    // Damage and faults; harm to health; food gone wrong; careless work and curt staff; silence after a message.
    ...words(-1, 'dripping, drips, dripped, leaked, dent, dented, chipped, torn, ripped, stained, stains, faded, faulty, defective, stopped working, stops working, keeps crashing, keeps freezing, shuts down, shutting down, overheats, overheating, dead battery, rash, itchy, itching, swollen, bruised, hurt, hurts, hurting, pain, sore, allergic, allergic reaction, vomiting, threw up, throwing up, mushy, rubbery, fishy, rancid'),
    // Waiting told as an idiom; pests and hair in the food; expectations not met.
    ...words(-1.5, 'took forever, takes forever, taking forever, took ages, waited ages, waiting ages, below expectations, less than expected, not what i expected, not what we expected, forget, forgets, forgetting'),
    ...words(-2, 'ants, rats, mice, found a hair, a hair in, hair in my, bug in my, insect in'),
    ...words(-1.5, 'still nothing, still waiting, still no reply, still no answer, still no word, still not fixed, still not working, curt, snappy, short with us, short with me, brushed off, brushed us off, brushed me off'),
    ...words(-2, 'flavourless, diarrhea, diarrhoea, botched, shoddy, half assed, cut corners, cursory, perfunctory, shrugged, could not care less, ghosted, radio silence, went silent, left on read, never heard back, heard nothing, fake, counterfeit, knockoff, knock off, overcharge, extra charge, extra charges, hidden charge, hidden fee'),
    // Ran out; filler instead of food; a promise against reality; a request ignored.
    ...words(-1, 'ran out, run out, sold out, out of stock, none left, nothing left, mostly ice, all ice, full of ice, more ice than, all bones, mostly bones, mostly bone, all fat, mostly fat, supposed to be, was supposed to, in reality, the reality, reality, nothing like the photos, nothing like the pictures, nothing like the picture, looks nothing like, cheap quality, feels cheap, looks cheap, cheaply made, poorly made, even after i asked, despite asking, i specifically asked'),
    // Leaving for good; sarcasm that opens with feigned delight.
    ...words(-2, 'once is enough, once was enough, go elsewhere, going elsewhere, went elsewhere, look elsewhere, somewhere else next time, oh great, oh lovely, oh wonderful, oh perfect, oh joy, oh brilliant, oh fantastic, yeah right'),
    ...words(-3, 'first and last time, take my business elsewhere'),
    ...negators('so called, supposedly, allegedly'),
    // Temperature words that the thing decides (beer cold, good; soup cold, bad): weight 0 here, read by sentiment.ts in context.
    ...words(0, 'chilled, icy, frosty, sticky rice'),
    ...intensifiers(1.5, 'way'),
    ...intensifiers(1.3, 'easily'),
    // Fourth round of issue 15. Being charged, or money taken, is a fact; charged twice or for nothing ordered is the complaint.
    ...words(0, 'attitude, charged, charge, charges, not a complaint, not complaining, just a suggestion, just feedback, less sugar, less ice, less sweet, less spicy, no sugar, no ice, extra ice'),
    ...words(-1.5, 'without telling, without asking, without warning, without notice, not on the menu, not mentioned, not listed'),
    ...words(1.5, 'no charge, did not charge, waived, waived the fee, a steal, good deal, great deal, good value, great value'),
    ...words(-2, 'charged twice, still charged, double charged, charged extra, charged more, charged us extra, charged me extra, charged me twice, charged us twice, wrongly charged, short changed, shortchanged, wrong change, overcharging, never ordered, did not order, never asked for, did not ask for'),
    // Feelings; a face or a tone; staff busy with their phones; something that came apart soon after; an app down.
    ...words(-2, 'devastated, heartbroken, gutted, furious, livid, fuming, outraged, mortified, horrified, appalled, humiliated, traumatised, traumatized, miserable, dissatisfied, displeased, fed up'),
    ...words(-1.5, 'sad, unhappy, embarrassed, rolled her eyes, rolled his eyes, rolled their eyes, eye roll, eye rolling, attitude problem, glared, scowled, snapped at, raised her voice, raised his voice, talked down, barked at, huffed'),
    ...words(-1.5, 'kept dropping, keeps dropping, kept disconnecting, keeps disconnecting, kept cutting out, keeps cutting out, cuts out, their phones, their phone, her phone, his phone, barely looked up, glued to, more interested in, half the time, chatting among themselves, fell off, came off, peeled, peeling, peeled off, wore off, fell apart, came apart, came loose, broke again, down again, outage, keeps going down, screwed up, messed up, mix up, mixup, mixed up, uneven, lopsided, patchy, crooked, butchered'),
    // A trip for nothing; money taken and gone; a warning to others; no better than second rate.
    ...words(-2, 'wasted trip, wasted journey, came for nothing, closed early, blocked me, blocked my number, blocked us, took my money, took our money, scammer, scammers, check your bill, watch out, be warned, subpar, sub par, not up to scratch, not up to par, below par, second rate, amateurish, what a joke'),
    // Praise: a hero of the day; put right without fuss; fits; coming back as a regular.
    ...words(2, 'happier, nicer, friendlier, tastier, kinder, legend, hero, superstar, champ, no questions asked, made it right, made up for it, makes up for it, make up for it, sent a replacement, like a glove, fits perfectly, fit perfectly, go to place, go to spot, a regular, new favourite, new favorite, back for more, keep coming back, will be back, went down well, piping hot, steaming hot'),
    ...emoji,
  ],
  vi: [
    ...words(3, 'tuyệt vời, xuất sắc, hoàn hảo, rất thích, yêu, tuyệt, ngon nhất, tốt nhất, đỉnh, đỉnh cao, đỉnh của chóp, xịn xò, xịn sò, mười điểm, 10 điểm, tuyệt cú mèo, cực phẩm, bá cháy, không chê vào đâu được, ngon bá cháy'),
    ...words(2, 'ngon, thân thiện, nhiệt tình, dễ thương, nhanh, nhanh chóng, sạch sẽ, sạch, tươi, thơm, hài lòng, thích, vui, chu đáo, chuyên nghiệp, lịch sự, tận tình, dễ chịu, ưng, ổn áp, đáng tiền, recommend, chill, ủng hộ, tích cực, thuận tiện, tiện lợi, tốt đẹp, yêu thích, ấn tượng, tận tâm, nhanh nhẹn, tin tưởng, xịn, ngon lành, thơm ngon, đáng yêu, vui vẻ, niềm nở, hào hứng, tuyệt hảo, ngon miệng, tốt bụng, đẹp mắt, sạch đẹp, thoáng mát, sang trọng, ấm cúng, có tâm, đậm đà, hợp khẩu vị, chuẩn vị, sướng, mê, ghiền, nghiện, ưng ý, mlem, bá đạo, xinh xắn, nhanh gọn, chỉn chu, tươi ngon, thơm lừng, yên bình, vui tính, hiếu khách, ân cần, lễ phép, nhã nhặn, xứng đáng, đáng đồng tiền, đánh giá cao, không có gì để chê, khen, hết sảy, cảm ơn vì, cảm ơn đã, cám ơn vì, cám ơn đã, giới thiệu bạn bè, quay lại, ghé lại'),
    ...words(1.5, 'cẩn thận'),
    ...words(1, 'tốt, ổn, yên tĩnh, mềm, vừa miệng, hợp lý, tiện, thoải mái, mạnh, đẹp, rẻ, nhẹ nhàng, kịp thời, xử lý, mát, trung thành, mạnh mẽ, cao cấp, ổn định, đáng, hợp, gắn kết, hiệu quả, rộng rãi, thoáng, vừa vặn, chuẩn, xinh, đẹp trai, gọn gàng, ngăn nắp, giòn, mát mẻ, lãng mạn, đúng hẹn, đúng giờ, phải chăng, chất lượng cao, hot, nhỏ nhẹ, nhỏ xinh, nổi bật, rõ ràng, yên tâm, đúng mô tả, kỹ, kĩ, dễ hiểu'),
    ...words(0.3, 'được, đc, dc, đk, dk, ok, oke, okela, okie, oki, chấp nhận được, đông khách'),
    ...words(0.1, 'ghé, nhận được, trả lời, phản hồi, nghe máy, hỗ trợ, giải quyết, hoàn tiền, báo trước, thông báo'),
    ...words(0.3, 'chào, cảm ơn, cám ơn'),
    ...words(0, 'bình thường, bt, tạm được, tạm ổn, cũng được, thường thôi'),
    ...words(-0.5, 'tàm tạm, tạm, không có gì đặc biệt, chẳng có gì đặc biệt, không có gì nổi bật, chẳng có gì nổi bật'),
    ...words(-1, 'chậm, trễ, lâu, mất, đắt, nhỏ, ồn, đông, chờ, đợi, chờ đợi, xếp hàng, nguội, cao, đổ, tan, nhầm, sai, thiếu, lỗi, vấn đề, tăng giá, hơi, chật, nóng, khô, chê, nhầm lẫn, cực nhọc, mất lòng, mãi, chậm chạp, lâu lắc, ngọt quá, đắt đỏ, chật chội, nóng nực, lạnh lùng, bể, vỡ, rách, móp, ướt, ngấy, dai, mặn, giật, nản, tiếc, khó, ruồi, hủy, cần cải thiện, nên cải thiện, mong cải thiện, rẻ tiền, chém, bé xíu, có mùi, vội vàng, khác hẳn, cứng, chát, héo, ngán, mỏng dính, lỡ hẹn, sai hẹn'),
    ...words(-2, 'tệ, dở, kém, bẩn, dơ, chuột, hỏng, văng, thất vọng, khó chịu, bực, bực mình, bực bội, thô lỗ, khiếu nại, phàn nàn, không ai, vòng vòng, nhạt, cáu, dính, hôi, cau có, nhạt nhẽo, không nổi, tiêu cực, quá tải, tốn kém, thiếu sót, nhỏ xíu, ồn ào, đổ vỡ, chậm trễ, bất tiện, làm phiền, phiền, hư, đau bụng, cáu gắt, hách dịch, bỏ mặc, lơ, chán, chán nản, mắc, hét giá, cọc cằn, láo, vô duyên, thờ ơ, lề mề, rề rà, thiu, tanh, khét, lag, đơ, phí tiền, né, tức giận, ức chế, ngột ngạt, dơ bẩn, bẩn thỉu, gián, mốc, hết hạn, hư hỏng, trễ hẹn, bùng, bom hàng, đáng tiếc, tiếc tiền, thiếu chuyên nghiệp, thiếu tôn trọng, thiếu trách nhiệm, mất thời gian, xuống cấp, ẩm mốc, bức xúc, cãi, chập chờn, khác hình, không giống hình, khé, đổ lỗi, chậm rì, khé cổ, mặn chát, cộc lốc, lạnh như tiền, mặt lạnh'),
    ...words(-3, 'rất tệ, kinh khủng, khủng khiếp, tồi tệ, tệ nhất, ghê, lừa đảo, không bao giờ quay lại, quá tệ, tệ hại, kinh dị, lừa, không bao giờ ghé lại, dở tệ, dở ẹc, tởm, chặt chém, mất dạy, vô trách nhiệm, tiền mất tật mang, hôi thối, gian lận, đắt cắt cổ, không thể chấp nhận được, toang'),
    ...negators('không, chẳng, chả, chưa, đừng, chớ, không hề, chưa từng, chưa hề, không được, chưa được, ko, k, khg, hok, hem, kô, khum, hông, hổng'),
    ...intensifiers(1.5, 'rất, quá, lắm, cực, cực kỳ, cực kì, siêu, vô cùng, thật, thật sự, thực sự, hết sức, luôn, vãi, vl, vcl, vkl, xỉu, dã man, quá trời, hơi bị, quá xá, dữ, wá'),
    ...intensifiers(1.3, 'chút nào, tí nào'),
    ...intensifiers(0.7, 'khá, một chút, chút, hơi hơi'),
    // Họ từ của vòng thứ ba (issue 15): tay nghề, sự tử tế, uy tín; hơn mong đợi; đúng như hứa; quà, bù.
    ...words(3, 'hết nước chấm, khỏi chê, miễn chê, đỉnh nóc, kịch trần, đỉnh nóc kịch trần, nhức nách, ngon nhức nách, vượt mong đợi, ngoài mong đợi, hơn cả mong đợi, hơn mong đợi'),
    ...words(2, 'uy tín, đáng tin, đáng tin cậy, tin cậy, tử tế, giỏi, lành nghề, khéo, khéo tay, tay nghề cao, nhẹ tay, dễ mến, hiền lành, thư giãn, thơm tho, đẹp đẽ, mềm mại, tươi tắn, an tâm, xịn mịn, chất lừ, như hình, y hình, giống hình, đúng hình, như quảng cáo, như đã hứa, đúng cam kết, tặng thêm, tặng kèm, được tặng, rủ bạn bè, dẫn bạn bè, giới thiệu cho bạn bè, hết đau, đỡ đau'),
    ...words(1, 'ngay lập tức, liền tay, miễn phí, gửi bù, giao bù, đền bù, giá mềm, giá hạt dẻ, giá sinh viên, giá bình dân, bình dân, hợp túi tiền'),
    // Kỳ vọng: phủ định thì là phàn nàn ("không thèm rep", "chưa xong", "không xin lỗi").
    ...words(0.1, 'rep, rep tin nhắn, bắt máy, xong, hoàn thành, đổi trả, đổi hàng, bảo hành, xin lỗi, giải thích, hướng dẫn, báo giá, chịu trách nhiệm, để ý, quan tâm, cập nhật, liên lạc, giao hàng, nhận hàng, khớp'),
    // Phàn nàn: hư hỏng, sức khỏe, món ăn hỏng, làm ẩu, trả lời cộc, im lặng, hàng giả, tính thêm tiền, ít, toàn thứ độn.
    ...words(-1, 'quên mất, bỏ quên, nứt, vết nứt, trầy, xước, trầy xước, móp méo, gãy, rỉ sét, rò rỉ, dột, bong tróc, phai màu, ố vàng, lạnh ngắt, nguội ngắt, nguội lạnh, cứng ngắc, dai nhách, nhão, đau nhức, nhức nhối, ngứa, nổi mẩn, mẩn đỏ, sưng tấy, dị ứng, buồn nôn, nôn mửa, ói mửa, ít, ít ỏi, tào lao, khác xa, hết hàng, hết món, toàn đá, toàn mỡ, toàn xương, toàn bột, toàn nước, toàn da, ít thịt, ít nhân, phần ít'),
    ...words(-2, 'tiêu chảy, làm ẩu, chạy ẩu, ẩu tả, cẩu thả, qua loa, sơ sài, hời hợt, trống không, cộc cằn, cụt lủn, nhát gừng, hỗn láo, xấc xược, khinh khỉnh, không thèm, im re, bặt vô âm tín, bặt tin, mất hút, lặn mất tăm, phớt lờ, làm ngơ, lơ đi, dỏm, hàng dỏm, hàng giả, hàng đểu, lởm, xạo, vẽ bệnh, vẽ vời, chém giá, tính thêm, thu thêm, đòi thêm, phụ thu, phí ẩn, không chịu, kém xa, một lần là đủ, một lần cho biết, như hạch, như cứt, như shit, như l, như cc, như cl'),
    ...words(-3, 'ngộ độc, ngộ độc thực phẩm, cạch mặt'),
    // Chờ lâu nói bằng thành ngữ; côn trùng, tóc trong đồ ăn; không như mong đợi.
    ...words(-1.5, 'dài cổ, mỏi mòn, đợi mòn mỏi, chờ mòn mỏi, dưới mong đợi'),
    ...words(-2, 'sợi tóc, có tóc, có kiến, kiến bò, có sâu, con sâu'),
    ...words(1, 'như mong đợi'),
    // Không phải lời khen chê: gọi món ít đường, đồ ăn nhanh; "không ngờ", "không biết" không phủ định.
    ...words(0, 'ít nhất, ít khi, ít người, ít ai, ít đường, ít đá, ít ngọt, ít cay, ít béo, ít dầu, ít mỡ, đồ ăn nhanh, ăn nhanh, không ngờ, không biết'),
    ...negators('không có gì, cái gọi là'),
    ...intensifiers(1.5, 'hết nấc, hết cỡ, hết mức, quá chừng'),
    // Vòng thứ tư (issue 15): bị trừ tiền là sự việc; trừ nhầm, trừ hai lần mới là phàn nàn.
    ...words(0, 'trừ tiền, chỉ góp ý, góp ý nhẹ, không phải chê, thái độ'),
    ...words(-2, 'bị trừ tiền, vẫn trừ tiền, vẫn bị trừ tiền, vẫn tính tiền, vẫn thu tiền, trừ tiền oan, trừ nhầm, trừ sai, trừ hai lần, trừ 2 lần, trừ tiền 2 lần, trừ tiền hai lần, tính sai, tính dư, tính lố, thối thiếu, thối sai, tính nhầm, tính gian, tính tiền sai, tính sai tiền'),
    // Cảm xúc; mặt và giọng; mải điện thoại; mau hỏng; sập mạng, sập app.
    ...words(-2, 'tức điên, điên tiết, phát điên, muốn khóc, phát khóc, khóc ròng, ấm ức, uất ức, hối hận, hụt hẫng, mất hứng, cụt hứng, tụt mood, mặt nặng mày nhẹ, nặng mặt, mặt nặng, mặt hãm, khó đăm đăm, lườm, lườm nguýt, quát, quát tháo, to tiếng, nạt, nạt nộ, gắt gỏng, có thái độ'),
    ...words(-1.5, 'buồn, bấm điện thoại, lướt điện thoại, chơi điện thoại, cắm mặt vào điện thoại, tám chuyện, buôn chuyện, mải nói chuyện, tróc, bung, bung chỉ, sứt, hư lại, hỏng lại, lại hư, lại hỏng, bay màu, xuống màu, lem màu, sập, sập nguồn, treo máy, đứng máy, không vào được, rớt mạng, mất mạng, mất sóng, mất kết nối, sai sót, sơ suất, sơ sót, làm sai, mạnh tay, bầm, bầm tím, tím bầm, thâm tím, lệch, nham nhở, lởm chởm, cắt hư, cắt hỏng, không đều, quăng, quăng quật, quăng hàng, ném, ném hàng, vứt'),
    // Công cốc; ôm tiền chặn số; cảnh báo mọi người; chẳng ra gì.
    ...words(-2, 'công cốc, mất công, uổng công, tốn công, về tay không, đóng cửa sớm, chặn, bị chặn, chặn zalo, chặn số, ôm tiền, xù, xù hàng, bỏ trốn, quỵt, quỵt tiền, lừa tiền, mọi người cẩn thận, mn cẩn thận, cảnh giác, tránh xa, né gấp, né xa, không ra gì, không ra sao, không ra làm sao, không ra hồn, chẳng đâu vào đâu, vớ vẩn'),
    ...words(-1.5, 'nhạt thếch, khô khốc, chua lè, đắng ngắt, nhão nhoét, hôi rình, thối hoắc, lạnh tanh, ế ẩm, khô cong, cứng queo'),
    // Khen: giòn rụm, nóng hổi; mua tiếp, khách quen; món hời.
    ...words(2, 'giòn rụm, giòn tan, nóng hổi, thơm phức, ngọt lịm, béo ngậy, tươi rói, mát lạnh, thơm ngát, mềm tan, ngọt thanh, đậm vị, mua tiếp, ủng hộ tiếp, ghé tiếp, order tiếp, đặt tiếp, mua lại, khách quen, mối quen, ăn hoài, mua hoài, ghé hoài, hời, món hời, rẻ bất ngờ, cứu tinh'),
    ...words(1, 'mua thêm'),
    ...words(0.1, 'nghe'),
    ...words(2, 'mát rượi, mát lịm, ngủ ngon, lạnh sâu'),
    ...words(0, 'lạnh, ấm'),
    ...negators('không nghe thấy, không nghe tiếng, chẳng nghe thấy'),
    ...emoji,
  ],
  th: [
    ...words(3, 'ยอดเยี่ยม, สุดยอด, ดีเยี่ยม, ประทับใจ, ชอบมาก, รักเลย, ปัง, ดีงาม, เลิศ, ฟิน, เริ่ด, เริด, ปังปุริเย่, เริศ'),
    ...words(2, 'อร่อย, น่ารัก, เป็นกันเอง, รวดเร็ว, เร็ว, สะอาด, สด, หอม, พอใจ, ชอบ, ดีมาก, เอาใจใส่, มืออาชีพ, สุภาพ, กลมกล่อม, แนะนำ, สบาย, ใส่ใจ, ถูกใจ, ยิ้มแย้ม, เป็นมิตร, ทันใจ, คุ้มค่า, สวย, พึงพอใจ, ภักดี, เข้มข้น, ว้าว, จัดเต็ม, ใจดี, ประณีต, รวดเร็วทันใจ, แซ่บ, นัว, เด็ด, เจ๋ง, แจ่ม, เยี่ยม, โดนใจ, ติดใจ, สะอาดสะอ้าน, สวยงาม, ดีใจ, ชื่นชอบ, ปลื้ม, น่ากิน, น่านั่ง, อบอุ่น, ร่มรื่น, สะดวกสบาย, คล่องแคล่ว, ว่องไว, แจ๋ว, ถูกดี, ถูกและดี, หอมกรุ่น, ชอบที่สุด, ราบรื่น, ขอบคุณที่, มาซ้ำ, มาอีก'),
    ...words(1.5, 'ราคาถูก'),
    ...words(1, 'ดี, แรง, เงียบ, สงบ, นุ่ม, เหมาะ, คุ้ม, สะดวก, แก้ปัญหา, ไว, ง่าย, กำลังดี, ลงตัว, หอมมัน, ถูกปาก, ตรงเวลา, สมราคา, กว้างขวาง, ทันเวลา, เรียบร้อย, ครบถ้วน, ใช้ได้, เพลงเพราะ, เสียงเพราะ, ดีขึ้น, ชิล, ยังร้อน, ละเอียด, ตรงปก'),
    ...words(0.3, 'โอเค, เพื่อนแนะนำ'),
    ...words(0.1, 'ครบ, ได้รับ, ตอบ, ตอบกลับ, รับสาย, แก้ไข, คืนเงิน, สนใจ, มารยาท, รับเคลม, รับผิดชอบ, บอกก่อน, แจ้งก่อน, ทัน, เหมือนรูป'),
    ...words(0, 'พอใช้, ธรรมดา, กลางๆ'),
    ...words(0.3, 'พอใช้ได้, พอได้, ขอบคุณ'),
    ...words(-0.5, 'เฉยๆ'),
    ...words(-1, 'ช้า, นาน, แพง, เล็ก, เสียงดัง, รอ, คิว, เย็นชืด, ชืด, ทำหก, ละลาย, ผิด, ขาด, ปัญหา, ล่าช้า, แห้ง, แน่น, ร้อน, ขม, หวานไป, เค็มไป, เผ็ดไป, น้อยไป, ช้าไป, นานไป, แพงไป, งง, งั้นๆ, เค็ม, เลี่ยน, แข็ง, ดิบ, มีกลิ่น, แมลงวัน, ขึ้นราคา, ราคาขึ้น, ราคาแรง, คิวยาว, คนเยอะ, คนแน่น, วุ่นวาย, คับแคบ, ลืม, ดุ, แตก, บุบ, ควรปรับปรุง, ต้องปรับปรุง, เละ, คราบ, มาสาย, บ่น, แมลง, เลื่อน, ยกเลิก'),
    ...words(-2, 'แย่, ไม่ดี, สกปรก, เสีย, เด้ง, ผิดหวัง, หงุดหงิด, รำคาญ, หยาบคาย, ร้องเรียน, ไม่มีคน, โอนสาย, จืด, ห่วย, เหนียว, ไม่มีใคร, กินไม่ได้, หน้าบึ้ง, ค้าง, เสียเวลา, เสียดาย, เสียดายเงิน, เหม็น, บูด, ไม่ได้เรื่อง, ไม่โอเค, แย่ลง, ปวดท้อง, วีน, เมิน, ช้ามาก, ไม่ได้คืน, น่าเบื่อ, เบื่อ, เซ็ง, เฟล, พัง, หัวร้อน, โมโห, โกรธ, ไม่ไหว, เย็นชา, ละเลย, หน้างอ, ตะคอก, ด่า, โวยวาย, ไหม้, เหม็นอับ, แมลงสาบ, หมดอายุ, หยาบ, โดนเท, ผิดนัด, เส้นผม, ปลอม, ชำรุด, เสียหาย, ส่งผิด, ไม่ตรงปก, ติดต่อไม่ได้, โทรไม่ติด, เงียบหาย, อ่านไม่ตอบ, อึดอัด, เสียความรู้สึก, เสียใจ, ไม่มีมารยาท, ไร้มารยาท, ปรับปรุงด่วน, ใช้ไม่ได้, เลว, ไม่รับผิดชอบ, กลิ่นอับ, แสบคอ'),
    ...words(-3, 'แย่มาก, แย่ที่สุด, เลวร้าย, โกง, ไม่กลับมาอีก, ห่วยแตก, ท้องเสีย, ไม่มาอีก, ไม่มาแล้ว, คงไม่มาแล้ว, เข็ด, กาก, เน่า, ขึ้นรา, โก่งราคา, โดนโกง, หลอก, หลอกลวง'),
    ...negators('ไม่, ไม่ได้, ไม่เคย, ไม่ค่อย, อย่า, ยังไม่, ไร้'),
    ...intensifiers(1.5, 'มาก, มากๆ, สุดๆ, จริงๆ, เกินไป, โคตร, ที่สุด, สุด, จังเลย, ชะมัด, เหลือเกิน, เว่อร์, เวอร์, ชิบหาย, ฉิบหาย'),
    ...intensifiers(1.3, 'จัง, เลย'),
    ...intensifiers(0.8, 'ไปหน่อย, นิดนึง, หน่อย'),
    ...intensifiers(0.6, 'นิดหน่อย, ค่อนข้าง, บ้าง'),
    // กลุ่มคำรอบที่สามของ issue 15: ฝีมือ ความไว้ใจ เกินคาด ตามที่บอก กลับมาอีก หายปวด
    ...words(3, 'จึ้ง, เกินต้าน, ดีต่อใจ, ดีเกินคาด, เกินคาด, สิบเต็มสิบ, 10 เต็ม 10, ไม่มีที่ติ, ไร้ที่ติ'),
    ...words(2, 'เก่ง, เก๋, มือเบา, ใจเย็น, ชำนาญ, มีฝีมือ, เชี่ยวชาญ, ไว้ใจได้, ไว้ใจ, น่าเชื่อถือ, เชื่อถือได้, ซื่อสัตย์, ผ่อนคลาย, สบายใจ, อุ่นใจ, ราคาน่ารัก, ราคาเป็นมิตร, ราคาดี, ของแถม, กลับมาซ้ำ, กลับมาอีก, ตามที่บอก, ตามนัด, ตามสัญญา, ตามที่ตกลง, เหมือนปก, หายปวด, หายเจ็บ, หายเมื่อย'),
    ...words(1, 'ปลอดภัย, ทันที, หลากหลาย, คนน้อย'),
    // ความคาดหวัง: ถ้าไม่เกิดคือคำบ่น ("ไม่ช่วย", "ไม่บอก", "ซ่อมไม่เสร็จ", "ไม่ตรงกัน")
    ...words(0.1, 'ขอโทษ, ช่วย, ช่วยเหลือ, ดูแล, แจ้ง, บอก, แจ้งล่วงหน้า, บอกล่วงหน้า, อัปเดต, อัพเดท, อัพเดต, ถาม, รับคืน, เปลี่ยนให้, รับเปลี่ยน, เสร็จ, ตรงกัน, สุก'),
    // บ่น: ของเสียหาย สุขภาพ อาหารเสีย งานชุ่ย พูดห้วน เงียบหาย ของหมด เก็บเงินเพิ่ม ไม่มาอีก
    ...words(-1, 'น้อย, ร้าว, บิ่น, ถลอก, มีรอย, รอยขีดข่วน, รั่ว, รั่วซึม, น้ำหยด, น้ำรั่ว, หัก, แฉะ, อืด, เยิ้ม, มันเยิ้ม, คาว, เหม็นคาว, หืน, กระด้าง, เจ็บ, ปวด, ผื่น, ผื่นขึ้น, แพ้, บวม, ระคายเคือง, แสบ, ห้วน, ห้วนๆ, กระแทกเสียง, อาหารหมด, ของหมด, สินค้าหมด, หมดสต็อก, เกินจริง, มีแต่น้ำแข็ง, น้ำแข็งเยอะ, มีแต่มัน, มีแต่กระดูก, เนื้อน้อย, ราคาสูง, ติ, ตำหนิ'),
    ...words(-2, 'จืดชืด, ชุ่ย, มักง่าย, ลวกๆ, ขอไปที, เหวี่ยง, ตวาด, โฆษณาเกินจริง, เก็บเงินเพิ่ม, คิดเงินเพิ่ม, ชาร์จเพิ่ม, บวกเพิ่ม, ค่าใช้จ่ายแฝง, แอบแฝง, หมกเม็ด, แพงหูฉี่, กินไม่ลง, ทานไม่ลง, ดื่มไม่ลง, กลืนไม่ลง, ทานไม่ได้, ดื่มไม่ได้, ครั้งเดียวพอ, เปลี่ยนร้าน, ย้ายร้าน, ยังเงียบ, หายเงียบ, เบี้ยว, เบี้ยวนัด'),
    ...words(-3, 'อาหารเป็นพิษ'),
    // รอนานแบบสำนวน; มด หนู เส้นผมในอาหาร; ไม่ได้อย่างที่หวัง
    ...words(-2, 'เหงือกแห้ง, รอเป็นชาติ, นานเป็นชาติ, มีมด, มดขึ้น, มดเต็ม, มีหนู, หนูวิ่ง'),
    ...words(1, 'อย่างที่หวัง'),
    ...words(0.3, 'อย่างที่คิด, เหมือนที่คิด'),
    // ไม่ใช่คำชมหรือบ่น: สั่งหวานน้อย; "ไม่ว่า", "ไม่ทราบว่า", "ไม่คิดว่า" ไม่ได้ปฏิเสธคำที่ตามมา
    ...words(0, 'หวานน้อย, เค็มน้อย, เผ็ดน้อย, มันน้อย, น้ำแข็งน้อย, ไม่ว่า, ไม่ทราบ, ไม่ทราบว่า, ไม่รู้ว่า, ไม่แน่ใจ, ไม่คิดว่า, ไม่เพียงแต่'),
    ...words(0.3, 'ไม่เป็นไร'),
    ...negators('ไม่มีอะไร, ไม่มี'),
    ...intensifiers(1.3, 'ขนาดนี้'),
    // รอบที่สี่ (issue 15): ตัดเงินคือข้อเท็จจริง ตัดเงินซ้ำ คิดเงินเกิน คือคำบ่น
    ...words(0, 'ตัดเงิน, ผิดคาด, ไม่ได้ติ, ไม่ได้บ่น, เย็น, อุ่น, ตู้เย็น, ชาเย็น, กาแฟเย็น, นมเย็น, โกโก้เย็น'),
    ...words(-2, 'ยังไม่ได้ของ, ของยังไม่มา, ยังไม่มา, ยังไม่ถึง, ยังไม่ส่ง'),
    ...words(-2, 'โดนตัดเงิน, ยังตัดเงิน, ตัดเงินซ้ำ, ตัดเงินเกิน, ตัดเงินสองรอบ, คิดเงินเกิน, เก็บเงินเกิน, คิดเกิน, คิดราคาเกิน, ทอนเงินผิด, ทอนขาด, ทอนไม่ครบ, คิดเงินผิด, คิดผิด, ชาร์จเกิน'),
    // อารมณ์ หน้าตาและน้ำเสียง มัวเล่นมือถือ ของหลุดเร็ว แอปล่ม
    ...words(-2, 'ร้องไห้, ช้ำใจ, เศร้า, หัวเสีย, เครียด, ของขึ้น, ปรี๊ด, เหนื่อยใจ, อารมณ์เสีย, เสียอารมณ์, หน้าตึง, ทำหน้าไม่พอใจ, ทำหน้าเบื่อ, มองบน, ขึ้นเสียง, เสียงแข็ง, ไล่ลูกค้า, ล่ม, แอปล่ม, ระบบล่ม, เข้าไม่ได้, เน็ตหลุด'),
    ...words(-1.5, 'เล่นมือถือ, เล่นโทรศัพท์, คุยโทรศัพท์, ก้มหน้าเล่น, เอาแต่เล่น, คุยกันเอง, หลุด, ลอก, ร่อน, หลุดลอก, เสียอีก, พังอีก, หลุดง่าย, พังง่าย, เสียง่าย, ขาดง่าย, พลาด, ผิดพลาด, ตกหล่น, มือหนัก, ช้ำ, ฟกช้ำ, เขียวช้ำ, แหว่ง, ไม่เท่ากัน, เหม็นหืน, แข็งโป๊ก, จืดสนิท, เค็มปี๋, หวานแสบ, โยน, โยนของ, ขว้าง'),
    // เสียเที่ยว โดนบล็อกหนี เตือนคนอื่น ไม่ได้มาตรฐาน
    ...words(-2, 'มาเก้อ, เก้อ, ไปเก้อ, เสียเที่ยว, ปิดก่อนเวลา, บล็อก, โดนบล็อก, ชิ่ง, เชิดเงิน, หนีหาย, ระวังร้านนี้, ระวังโดน, เตือนภัย, ตรวจบิล, อย่าหลงเชื่อ, ไม่เอาไหน, ไม่เป็นท่า, ไม่ได้มาตรฐาน, ต่ำกว่ามาตรฐาน, งานหยาบ'),
    // ชม: กรอบ หอม นุ่ม ฉ่ำ ลูกค้าประจำ ห้ามพลาด
    ...words(2, 'กรอบอร่อย, หอมฟุ้ง, สดใหม่, ละมุน, นุ่มละมุน, เนื้อนุ่ม, กรุบกรอบ, ฉ่ำ, เย็นฉ่ำ, ขาประจำ, ลูกค้าประจำ, จะมาอีก, ซื้ออีก, สั่งอีก, ซื้อซ้ำ, สั่งซ้ำ, อุดหนุน, แวะมาอีก, มาบ่อย, ห้ามพลาด, มือโปร, ฮีโร่, คุ้มเกินราคา'),
    ...emoji,
  ],
}

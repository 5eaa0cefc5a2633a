/* symbols.h: the library's internal names, in its own namespace.
 *
 * libprecis.a is linked into other people's programs, so every function
 * and table that one file of the library shares with another is renamed
 * here to precis__NAME: the archive then defines no name a program might
 * also use (pagerank, buf_puts, render_text...), while the sources keep
 * their short names. Every internal header includes this file first. The
 * symbols test lists any shared name missing here; the shared library
 * hides them all anyway (hidden visibility). */
#ifndef PRECIS_SYMBOLS_H
#define PRECIS_SYMBOLS_H

#define analyze_fold_word          precis__analyze_fold_word
#define analyze_run                precis__analyze_run
#define arena_alloc                precis__arena_alloc
#define arena_array                precis__arena_array
#define arena_free                 precis__arena_free
#define arena_size                 precis__arena_size
#define arena_strndup              precis__arena_strndup
#define bp_add                     precis__bp_add
#define bp_free                    precis__bp_free
#define bp_is_line                 precis__bp_is_line
#define bp_is_sentence             precis__bp_is_sentence
#define bp_match                   precis__bp_match
#define bp_strip                   precis__bp_strip
#define brief_ctx                  precis__brief_ctx
#define brief_is_finished          precis__brief_is_finished
#define buf_detach                 precis__buf_detach
#define buf_free                   precis__buf_free
#define buf_grow                   precis__buf_grow
#define buf_printf                 precis__buf_printf
#define buf_put_slow               precis__buf_put_slow
#define buf_putc_slow              precis__buf_putc_slow
#define buf_puts                   precis__buf_puts
#define canvas_fill                precis__canvas_fill
#define canvas_free                precis__canvas_free
#define canvas_luma                precis__canvas_luma
#define canvas_new                 precis__canvas_new
#define canvas_pixel               precis__canvas_pixel
#define date_find                  precis__date_find
#define date_find_lang             precis__date_find_lang
#define detect_language            precis__detect_language
#define encoding_convert           precis__encoding_convert
#define encoding_decode_entities   precis__encoding_decode_entities
#define encoding_detect            precis__encoding_detect
#define encoding_looks_like_markup precis__encoding_looks_like_markup
#define encoding_run               precis__encoding_run
#define error_set                  precis__error_set
#define feed_sniff                 precis__feed_sniff
#define font_find                  precis__font_find
#define font_glyph_get             precis__font_glyph_get
#define font_hex_digit             precis__font_hex_digit
#define font_line                  precis__font_line
#define font_resolve               precis__font_resolve
#define font_substitute            precis__font_substitute
#define group_stories              precis__group_stories
#define hvec_dot                   precis__hvec_dot
#define hvec_free                  precis__hvec_free
#define hvec_hash                  precis__hvec_hash
#define hvec_make                  precis__hvec_make
#define image_layout               precis__image_layout
#define img_apng_encode            precis__img_apng_encode
#define img_png_encode             precis__img_png_encode
#define img_ppm_encode             precis__img_ppm_encode
#define ingest_drop_boilerplate    precis__ingest_drop_boilerplate
#define ingest_run                 precis__ingest_run
#define keywords_run               precis__keywords_run
#define lang_bits_get              precis__lang_bits_get
#define lang_load                  precis__lang_load
#define layout_run                 precis__layout_run
#define model_abbrev               precis__model_abbrev
#define model_add_stopword_bit     precis__model_add_stopword_bit
#define model_builtin              precis__model_builtin
#define model_builtin_lang_bits    precis__model_builtin_lang_bits
#define model_each_line            precis__model_each_line
#define model_free                 precis__model_free
#define model_is_opener            precis__model_is_opener
#define model_is_stopword          precis__model_is_stopword
#define model_load                 precis__model_load
#define model_load_stopwords       precis__model_load_stopwords
#define model_need_idf             precis__model_need_idf
#define model_read                 precis__model_read
#define pagerank                   precis__pagerank
#define rank_is_candidate          precis__rank_is_candidate
#define rank_run                   precis__rank_run
#define render_begin               precis__render_begin
#define render_blankline           precis__render_blankline
#define render_block_start         precis__render_block_start
#define render_brief_html          precis__render_brief_html
#define render_byte                precis__render_byte
#define render_check_doc           precis__render_check_doc
#define render_cr                  precis__render_cr
#define render_end                 precis__render_end
#define render_lit                 precis__render_lit
#define render_md_outc             precis__render_md_outc
#define render_raw                 precis__render_raw
#define render_text                precis__render_text
#define segment_run                precis__segment_run
#define select_run                 precis__select_run
#define stemmer_entry              precis__stemmer_entry
#define stemmer_fill               precis__stemmer_fill
#define stemmer_forget_memos       precis__stemmer_forget_memos
#define stemmer_free               precis__stemmer_free
#define stemmer_languages          precis__stemmer_languages
#define stemmer_new                precis__stemmer_new
#define stemmer_reserve            precis__stemmer_reserve
#define stemmer_stem               precis__stemmer_stem
#define stemmer_trim               precis__stemmer_trim
#define stemmer_use_seed           precis__stemmer_use_seed
#define strmap_clear               precis__strmap_clear
#define strmap_free                precis__strmap_free
#define strmap_get                 precis__strmap_get
#define strmap_hash                precis__strmap_hash
#define strmap_hash64              precis__strmap_hash64
#define strmap_put                 precis__strmap_put
#define strmap_reserve             precis__strmap_reserve
#define svec_dot                   precis__svec_dot
#define svec_dot_dense             precis__svec_dot_dense
#define time_parse                 precis__time_parse
#define title_find                 precis__title_find
#define title_shape                precis__title_shape
#define u8_ascii_run               precis__u8_ascii_run
#define u8_count                   precis__u8_count
#define u8_encode                  precis__u8_encode
#define u8_is_valid                precis__u8_is_valid
#define u8_next_slow               precis__u8_next_slow
#define u8_prev                    precis__u8_prev
#define u8_put_slow                precis__u8_put_slow
#define u8_repair                  precis__u8_repair
#define uc_casefold                precis__uc_casefold
#define uc_is_digit                precis__uc_is_digit
#define uc_is_invisible            precis__uc_is_invisible
#define uc_is_letter_slow          precis__uc_is_letter_slow
#define uc_is_lower_slow           precis__uc_is_lower_slow
#define uc_is_mark                 precis__uc_is_mark
#define uc_is_space_slow           precis__uc_is_space_slow
#define uc_is_upper_slow           precis__uc_is_upper_slow
#define uc_is_word_slow            precis__uc_is_word_slow
#define uc_nfc                     precis__uc_nfc
#define uc_nfc_inert               precis__uc_nfc_inert
#define vectors_build              precis__vectors_build
#define vectors_centroid           precis__vectors_centroid
#define vectors_idf                precis__vectors_idf
#define vectors_one                precis__vectors_one

#endif

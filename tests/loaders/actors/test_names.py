from loaders.actors.names import Token, fold, near, shape, tokenize


def test_fold_ignores_case_apostrophes_possessive_and_look_alike_letters():
    assert fold("Cambodian People\u2019s Party") == fold("CAMBODIAN PEOPLE'S PARTY") == "cambodian people party"
    assert fold("\u0421\u0420\u0420") == "cpp"  # Cyrillic look-alikes
    assert fold("U.S.") == "us"


def test_tokens_leave_a_possessive_out_of_the_span():
    t = tokenize("Rainsy's party")[0]
    assert (t.start, t.end, t.folded) == (0, 6, "rainsy")


def test_near_is_one_edit():
    assert near("funcinpec", "funcinpek") and near("party", "prty") and near("sokha", "sokah")
    assert not near("sokha", "sokhom")


def test_a_plain_ascii_word_is_its_own_shape_and_others_are_folded():
    assert shape("Sokha") == "Sokha" and shape("CPP") == "CPP"
    assert shape("СРР") == "CPP"  # Cyrillic look-alikes
    assert shape("People\u2019s") == "People" and shape("U.S.") == "US"
    assert tokenize("Hun Sen\u2019s CPP")[1] == Token(4, 7, "Sen\u2019s", "sen", "Sen", True)
